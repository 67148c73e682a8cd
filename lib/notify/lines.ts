import type { Messages } from '@/lib/i18n/messages';
import type { NotificationKind } from './rules';

// How a notification reads: a key of the `notifications.kinds` catalogue and its values. Times
// and statuses are turned into words by the caller, who knows the reader's zone and language.

export type NotificationLineKey = keyof Messages['notifications']['kinds'];

const KEYS: Record<NotificationKind, NotificationLineKey> = {
  'task.assigned': 'task_assigned',
  'task.helper': 'task_helper',
  'task.statusChanged': 'task_statusChanged',
  'meeting.invited': 'meeting_invited',
  'meeting.updated': 'meeting_updated',
  'meeting.cancelled': 'meeting_cancelled',
  'announcement.posted': 'announcement_posted',
};

interface Wording {
  someone: string;
  /** A stored ISO time in the reader's zone and language. */
  time: (iso: string) => string;
  status: (status: string) => string;
}

export function notificationLine(row: { kind: NotificationKind; data: Record<string, unknown>; actorName: string | null }, words: Wording) {
  const d = row.data;
  const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const values: Record<string, string> = {
    actor: row.actorName ?? words.someone,
    name: str(d.name), number: str(d.number), topic: str(d.topic), title: str(d.title),
    status: typeof d.status === 'string' ? words.status(d.status) : '',
    time: typeof d.startsAt === 'string' ? words.time(d.startsAt) : '',
  };
  return { key: KEYS[row.kind], values };
}
