import type { Messages } from '@/lib/i18n/messages';
import type { FeedItem } from './queries';

// How a feed line reads: a key of the `feed.lines` catalogue and its values, and where it leads.
// Pages and the API render the same line, each in the reader's language.

export type FeedLineKey = keyof Messages['feed']['lines'];

export interface FeedLineText {
  key: FeedLineKey;
  values: Record<string, string | number>;
}

const text = (value: unknown, fallback: string | number = '') => (typeof value === 'string' || typeof value === 'number' ? value : fallback);

const KEYS = { 'task.created': 'task_created', 'task.blocked': 'task_blocked', 'milestone.reached': 'milestone_reached' } as const;

export function feedLineText(item: FeedItem, someone: string): FeedLineText {
  const actor = item.actor?.name || someone;
  const d = item.data;
  switch (item.kind) {
    case 'task.completed':
      if (typeof d.count === 'number') return { key: 'task_completedMany', values: { actor, count: d.count } };
      return { key: 'task_completed', values: { actor, number: text(d.number), name: text(d.name) } };
    case 'member.joined':
      return { key: 'member_joined', values: { actor, people: item.people.map((p) => p.name).join('、') || someone, count: item.people.length } };
    case 'meeting.decision':
      return { key: 'meeting_decision', values: { actor, topic: text(d.topic), text: text(d.text) } };
    case 'file.uploaded':
    case 'file.version':
      return { key: item.kind === 'file.uploaded' ? 'file_uploaded' : 'file_version', values: { actor, name: text(d.name), version: text(d.version, 1) } };
    case 'meeting.scheduled':
      return { key: 'meeting_scheduled', values: { actor, topic: text(d.topic) } };
    case 'announcement.posted':
      return { key: 'announcement_posted', values: { actor, title: text(d.title) } };
    case 'task.created':
    case 'task.blocked':
    case 'milestone.reached':
      return { key: KEYS[item.kind], values: { actor, number: text(d.number), name: text(d.name) } };
  }
}

/** The page a line links to, if its subject still has one. */
export function feedHref(spaceId: string, item: Pick<FeedItem, 'subjectType' | 'subjectId'>): string | null {
  const base = `/spaces/${spaceId}`;
  switch (item.subjectType) {
    case 'task': return item.subjectId ? `${base}/tasks/${item.subjectId}` : null;
    case 'tasks': return `${base}/tasks`;
    case 'members': return `${base}/members`;
    case 'file': return item.subjectId ? `${base}/files/${item.subjectId}` : null;
    case 'meeting': return item.subjectId ? `${base}/meetings/${item.subjectId}` : null;
    case 'milestone': return `${base}/progress`;
    case 'announcement': return item.subjectId ? `${base}/feed#announcement-${item.subjectId}` : null;
    default: return null;
  }
}
