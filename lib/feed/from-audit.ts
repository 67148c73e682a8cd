import type { FeedKind } from './rules';

/** What the feed needs of an audit entry (see lib/audit.ts). */
export interface AuditFact {
  spaceId?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

export interface FeedLine {
  kind: FeedKind;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

type Fields = Record<string, unknown>;
const record = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});

function taskLine(kind: FeedKind, fact: AuditFact, task: Fields): FeedLine {
  return { kind, subjectType: 'task', subjectId: fact.targetId ?? null, data: { name: task.name, number: task.number } };
}

/** A task's status changed: finishing a milestone task is the milestone reached. */
function taskStatusLines(fact: AuditFact): FeedLine[] {
  const before = record(fact.data?.before);
  const after = record(fact.data?.after);
  if (before.status === after.status) return [];
  if (after.status === 'done') return [taskLine(after.isMilestone ? 'milestone.reached' : 'task.completed', fact, after)];
  if (after.status === 'blocked') return [taskLine('task.blocked', fact, after)];
  return [];
}

/**
 * The feed lines an audited change makes, if any: the feed tells members what moved in the space,
 * so most edits (a renamed task, a new due date) stay in the audit log only.
 */
export function feedLinesFor(fact: AuditFact): FeedLine[] {
  if (!fact.spaceId) return [];
  const data = fact.data ?? {};
  switch (fact.action) {
    case 'task.create':
      return [taskLine('task.created', fact, record(data.after))];
    case 'task.update':
      return taskStatusLines(fact);
    case 'task.bulkStatus': {
      const ids = Array.isArray(data.taskIds) ? data.taskIds : [];
      if (data.status !== 'done' || !ids.length) return [];
      return [{ kind: 'task.completed', subjectType: 'tasks', subjectId: null, data: { count: ids.length, taskIds: ids } }];
    }
    case 'space.member.add': {
      const userIds = record(data.after).userIds;
      if (!Array.isArray(userIds) || !userIds.length) return [];
      return [{ kind: 'member.joined', subjectType: 'members', subjectId: null, data: { userIds, role: record(data.after).role } }];
    }
    case 'file.upload':
    case 'file.version':
      return [{
        kind: fact.action === 'file.upload' ? 'file.uploaded' : 'file.version',
        subjectType: 'file', subjectId: fact.targetId ?? null, data: { name: data.name, version: data.version },
      }];
    case 'meeting.create': {
      const meeting = record(data.after);
      return [{ kind: 'meeting.scheduled', subjectType: 'meeting', subjectId: fact.targetId ?? null, data: { topic: meeting.topic, startsAt: meeting.startsAt } }];
    }
    case 'meeting.decision':
      return [{ kind: 'meeting.decision', subjectType: 'meeting', subjectId: fact.targetId ?? null, data: { topic: data.topic, text: data.text } }];
    case 'milestone.update': {
      const before = record(data.before);
      const after = record(data.after);
      if (before.actualDate || !after.actualDate) return [];
      return [{ kind: 'milestone.reached', subjectType: 'milestone', subjectId: fact.targetId ?? null, data: { name: after.name ?? before.name, date: after.actualDate } }];
    }
    case 'announcement.post':
      return [{ kind: 'announcement.posted', subjectType: 'announcement', subjectId: fact.targetId ?? null, data: { title: data.title } }];
    default:
      return [];
  }
}
