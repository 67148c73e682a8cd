import { z } from 'zod';
import { GOAL_OUTCOMES, RETRO_STATUSES } from './rules';
import type { RetroView } from './queries';

// The retrospective as the REST API answers it (also the OpenAPI document's schema).

const count = z.int().min(0);

export const retroFactsSchema = z.object({
  asOf: z.iso.date(),
  totalTasks: count,
  byStatus: z.object({ todo: count, in_progress: count, done: count, blocked: count }),
  done: count,
  doneOnTime: count,
  onTimeRate: z.number().min(0).max(1).nullable().describe('doneOnTime / done: done tasks whose completion day is on or before their due date; null when none is done.'),
  overdueOpen: count,
  blockedTasks: count.describe('Tasks that had an issue-tracking entry (were blocked) at some point.'),
  blockedEntries: count,
  meanBlockedDays: z.number().nullable().describe('Mean time from an entry being raised to resolved (open ones: until now), in days.'),
  delayReasons: z.array(z.object({ reason: z.string(), count })),
  departments: z.array(z.object({ departmentId: z.uuid().nullable(), name: z.string().nullable(), tasks: count, done: count })).describe('By the task’s department.'),
});

export const retrospectiveResourceSchema = z.object({
  spaceId: z.uuid(),
  status: z.enum(RETRO_STATUSES),
  version: z.int().min(0).describe('Send it back with PUT; 0 until the first save.'),
  goals: z.array(z.object({ id: z.uuid(), goal: z.string(), outcome: z.enum(GOAL_OUTCOMES).nullable(), evidence: z.string() })),
  problems: z.array(z.object({ id: z.uuid(), text: z.string() })),
  improvements: z.array(z.object({
    id: z.uuid(), text: z.string(),
    task: z.object({ id: z.uuid(), number: z.int(), status: z.string() }).nullable(),
    pageId: z.uuid().nullable(),
  })),
  summary: z.string(),
  facts: retroFactsSchema,
  liveFacts: z.boolean().describe('True for a draft (computed now); false once completed (the snapshot).'),
  completedAt: z.iso.datetime().nullable(),
  completedByName: z.string().nullable(),
  canEdit: z.boolean(),
});
export type RetrospectiveResource = z.infer<typeof retrospectiveResourceSchema>;

export function toRetrospectiveResource(view: RetroView): RetrospectiveResource {
  return {
    spaceId: view.space.id,
    status: view.status,
    version: view.version,
    goals: view.goals.map(({ id, goal, outcome, evidence }) => ({ id, goal, outcome, evidence })),
    problems: view.problems.map(({ id, text }) => ({ id, text })),
    improvements: view.improvements.map((i) => ({ id: i.id, text: i.text, task: i.task, pageId: i.pageId ?? null })),
    summary: view.summary,
    facts: view.facts,
    liveFacts: view.liveFacts,
    completedAt: view.completedAt?.toISOString() ?? null,
    completedByName: view.completedByName,
    canEdit: view.canEdit,
  };
}
