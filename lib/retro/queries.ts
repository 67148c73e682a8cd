import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { retrospectives, tasks, users, type Retrospective, type Space } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { authorizeSpace } from '@/lib/spaces/access';
import { computeRetroFacts } from './facts';
import type { RetroFacts, RetroGoal, RetroImprovement, RetroProblem, RetroStatus } from './rules';

/** A retrospective as pages, exports and the API show it. */
export interface RetroView {
  space: Pick<Space, 'id' | 'name' | 'goal' | 'status' | 'startDate' | 'endDate'>;
  status: RetroStatus;
  /** 0 while nothing is saved yet: the first save creates it. */
  version: number;
  goals: RetroGoal[];
  problems: RetroProblem[];
  improvements: (RetroImprovement & { task: { id: string; number: number; status: string } | null })[];
  summary: string;
  facts: RetroFacts;
  /** True while a draft: the figures are computed now, not the snapshot kept at completion. */
  liveFacts: boolean;
  completedAt: Date | null;
  completedByName: string | null;
  updatedAt: Date | null;
  /** Whether the viewer may edit, complete or reopen it. */
  canEdit: boolean;
}

/** The goals of a new retrospective: the space's goal text, one goal per line. */
export function goalsFromSpaceGoal(goal: string): RetroGoal[] {
  return goal
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.、)])\s*/, '').trim())
    .filter(Boolean)
    .map((line) => ({ id: randomUUID(), goal: line, outcome: null, evidence: '' }));
}

export async function readRetro(executor: Database | Transaction, spaceId: string): Promise<Retrospective | null> {
  const [row] = await executor.select().from(retrospectives).where(eq(retrospectives.spaceId, spaceId));
  return row ?? null;
}

async function linkedTasks(executor: Database | Transaction, spaceId: string, improvements: RetroImprovement[]) {
  const ids = improvements.map((i) => i.taskId).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map<string, { id: string; number: number; status: string }>();
  const rows = await executor.select({ id: tasks.id, number: tasks.number, status: tasks.status }).from(tasks)
    .where(and(eq(tasks.spaceId, spaceId), inArray(tasks.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The view of a space's retrospective (stored or, before the first save, the pre-filled draft). */
export async function buildRetroView(executor: Database | Transaction, space: Space, row: Retrospective | null, canEdit: boolean, now = new Date()): Promise<RetroView> {
  const improvements = (row?.improvements ?? []) as RetroImprovement[];
  const completed = row?.status === 'completed' && row.facts;
  const [facts, taskById, completedBy] = await Promise.all([
    completed ? (row.facts as RetroFacts) : computeRetroFacts(executor, space.id, { now }),
    linkedTasks(executor, space.id, improvements),
    row?.completedBy ? executor.select({ name: users.name }).from(users).where(eq(users.id, row.completedBy)) : Promise.resolve([]),
  ]);
  return {
    space: { id: space.id, name: space.name, goal: space.goal, status: space.status, startDate: space.startDate, endDate: space.endDate },
    status: row?.status ?? 'draft',
    version: row?.version ?? 0,
    goals: row ? (row.goals as RetroGoal[]) : goalsFromSpaceGoal(space.goal),
    problems: (row?.problems ?? []) as RetroProblem[],
    improvements: improvements.map((i) => ({ ...i, task: i.taskId ? taskById.get(i.taskId) ?? null : null })),
    summary: row?.summary ?? '',
    facts,
    liveFacts: !completed,
    completedAt: row?.completedAt ?? null,
    completedByName: completedBy[0]?.name ?? null,
    updatedAt: row?.updatedAt ?? null,
    canEdit,
  };
}

/** A space's retrospective for whoever may see the space (404 for outsiders). */
export async function getRetrospective(actor: Actor, spaceId: string): Promise<RetroView> {
  const db = await getDb();
  const access = await authorizeSpace(db, actor, spaceId, 'space.view');
  return buildRetroView(db, access.space, await readRetro(db, spaceId), canInSpace(actor, access, 'retro.edit'));
}

/** Only whether the space's retrospective is completed (the settings page asks before archiving). */
export async function getRetroStatus(actor: Actor, spaceId: string): Promise<RetroStatus> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const [row] = await db.select({ status: retrospectives.status }).from(retrospectives).where(eq(retrospectives.spaceId, spaceId));
  return row?.status ?? 'draft';
}
