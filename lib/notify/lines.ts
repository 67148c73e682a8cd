import type { Locale } from '@/lib/i18n/config';
import { translatorFor, type Messages } from '@/lib/i18n/messages';
import type { NotificationKind } from './rules';

// How a notification reads, in the centre and in its email alike: a sentence of the
// `notifications.kinds` catalogue, with times and statuses in the reader's zone and language.

export type NotificationLineKey = keyof Messages['notifications']['kinds'];

const KEYS: Record<NotificationKind, NotificationLineKey> = {
  'task.assigned': 'task_assigned',
  'task.helper': 'task_helper',
  'task.statusChanged': 'task_statusChanged',
  'meeting.invited': 'meeting_invited',
  'meeting.updated': 'meeting_updated',
  'meeting.cancelled': 'meeting_cancelled',
  'announcement.posted': 'announcement_posted',
  'comment.mentioned': 'comment_mentioned',
  'comment.overdue': 'comment_overdue',
  'chat.mentioned': 'chat_mentioned',
  'digest.daily': 'digest_daily',
  'task.needsReassignment': 'task_needsReassignment',
};

interface Wording {
  someone: string;
  /** A stored ISO time in the reader's zone and language. */
  time: (iso: string) => string;
  status: (status: string) => string;
}

function notificationLine(row: { kind: NotificationKind; data: Record<string, unknown>; actorName: string | null }, words: Wording) {
  const d = row.data;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(d)) if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  values.actor = row.actorName ?? words.someone;
  values.status = typeof d.status === 'string' ? words.status(d.status) : '';
  values.time = typeof d.startsAt === 'string' ? words.time(d.startsAt) : '';
  return { key: KEYS[row.kind], values };
}

type NotificationRow = Parameters<typeof notificationLine>[0];

/** The notification as one sentence for this reader. */
export function notificationSentence(row: NotificationRow, reader: { locale: Locale; timeZone: string }): string {
  const t = translatorFor(reader.locale);
  const format = new Intl.DateTimeFormat(reader.locale, { timeZone: reader.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const line = notificationLine(row, {
    someone: t('common.appName'),
    time: (iso) => format.format(new Date(iso)),
    status: (status) => t(`tasks.statuses.${status as 'todo'}`),
  });
  return t(`notifications.kinds.${line.key}`, line.values);
}
