import { describe, expect, it } from 'vitest';
import { notificationSentence } from '@/lib/notify/lines';
import { renderNotificationEmail } from '@/lib/notify/email-render';

const statusChange = { kind: 'task.statusChanged' as const, data: { number: 12, name: '发布会物料', status: 'blocked' }, actorName: '李雷' };
const invitation = { kind: 'meeting.invited' as const, data: { topic: '需求评审会', startsAt: '2026-12-10T02:00:00.000Z' }, actorName: null };

describe('a notification as a sentence', () => {
  it('reads in the reader\'s language, with the status in words', () => {
    expect(notificationSentence(statusChange, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).toBe('李雷 把任务 #12 发布会物料 改为「阻塞」');
    expect(notificationSentence(statusChange, { locale: 'en', timeZone: 'Asia/Shanghai' })).toBe('李雷 moved task #12 发布会物料 to “Blocked”');
  });

  it('gives a time in the reader\'s zone, and names the app when nobody acted', () => {
    const shanghai = notificationSentence(invitation, { locale: 'en', timeZone: 'Asia/Shanghai' });
    const berlin = notificationSentence(invitation, { locale: 'en', timeZone: 'Europe/Berlin' });
    expect(shanghai).toMatch(/^Xiezuo invited you to “需求评审会”, Dec 10, 2026, 10:00/);
    expect(berlin).toMatch(/Dec 10, 2026, 3:00/);
  });

  it('is the same sentence in the centre and as the email\'s subject', () => {
    const email = renderNotificationEmail({ ...statusChange, href: '/spaces/s/tasks/t' }, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(email.subject).toBe('[协作] 李雷 把任务 #12 发布会物料 改为「阻塞」');
    expect(email.text).toContain('/spaces/s/tasks/t');
  });
});
