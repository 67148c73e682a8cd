import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { retrospectives, type Retrospective, type Space } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Conflict, NotFound } from '@/lib/errors';
import { insertPage } from '@/lib/kb/service';
import { KB_TITLE_MAX } from '@/lib/kb/rules';
import { plainTextToDoc } from '@/lib/rich-text/document';
import { emitSpaceEvent } from '@/lib/realtime/events';
import { authorizeSpace } from '@/lib/spaces/access';
import { createTaskSchema } from '@/lib/tasks/schema';
import { insertTask } from '@/lib/tasks/service';
import { TASK_NAME_MAX } from '@/lib/tasks/rules';
import { parseInput } from '@/lib/validation';
import { computeRetroFacts } from './facts';
import { buildRetroView, goalsFromSpaceGoal, readRetro, type RetroView } from './queries';
import type { RetroImprovement } from './rules';
import { improvementToTaskSchema, saveRetroSchema, type ImprovementToTaskInput, type SaveRetroInput } from './schema';

// Writes to a space's retrospective (复盘): leads of an active space only (`retro.edit`). Every
// write names the version it was based on, so two leads editing at once do not overwrite each other.

const STALE = 'retro.errors.stale';

/**
 * The space (locked) and its retrospective, created the first time as the pre-filled draft at
 * version 0 ("nothing saved yet"), so the write that follows makes it version 1.
 */
async function openForWrite(tx: Transaction, actor: Actor, spaceId: string): Promise<{ space: Space; retro: Retrospective }> {
  const { space } = await authorizeSpace(tx, actor, spaceId, 'retro.edit', { lock: true });
  const existing = await readRetro(tx, spaceId);
  if (existing) return { space, retro: existing };
  const [retro] = await tx.insert(retrospectives)
    .values({ spaceId, goals: goalsFromSpaceGoal(space.goal), updatedBy: actorId(actor), version: 0 })
    .returning();
  return { space, retro: retro! };
}

/** Refuses a write based on another version than the stored one. */
function assertVersion(retro: Retrospective, version: number | undefined) {
  if (version !== undefined && version !== retro.version) throw Conflict(STALE);
}

async function writeRetro(tx: Transaction, actor: Actor, space: Space, retro: Retrospective, changes: Partial<Retrospective>, action: string, data: Record<string, unknown> = {}) {
  const [updated] = await tx.update(retrospectives)
    .set({ ...changes, version: retro.version + 1, updatedBy: actorId(actor), updatedAt: new Date() })
    .where(and(eq(retrospectives.spaceId, space.id), eq(retrospectives.version, retro.version)))
    .returning();
  if (!updated) throw Conflict(STALE);
  await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action, targetType: 'retrospective', targetId: space.id, data });
  await emitSpaceEvent(tx, space.id, { type: 'retro.changed', data: { by: actorId(actor) } });
  return updated;
}

async function viewAfter(tx: Transaction, space: Space, retro: Retrospective): Promise<RetroView> {
  return buildRetroView(tx, space, retro, true);
}

/**
 * Saves the whole draft: goals with their outcome and evidence, problems, improvements and the
 * summary. Items keep their ids; an improvement keeps the task or page it became. A completed
 * retrospective is reopened first.
 */
export async function saveRetrospective(actor: Actor, spaceId: string, input: SaveRetroInput): Promise<RetroView> {
  const data = parseInput(saveRetroSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, retro } = await openForWrite(tx, actor, spaceId);
    assertVersion(retro, data.version);
    if (retro.status === 'completed') throw Conflict('retro.errors.completed');
    const links = new Map(((retro.improvements ?? []) as RetroImprovement[]).map((i) => [i.id, i]));
    const withId = <T extends { id?: string }>(item: T) => ({ ...item, id: item.id ?? randomUUID() });
    const improvements: RetroImprovement[] = data.improvements.map(withId).map((item) => ({
      id: item.id, text: item.text, taskId: links.get(item.id)?.taskId ?? null, pageId: links.get(item.id)?.pageId ?? null,
    }));
    const updated = await writeRetro(tx, actor, space, retro, {
      goals: data.goals.map(withId).map((g) => ({ ...g, outcome: g.outcome ?? null })),
      problems: data.problems.map(withId),
      improvements,
      summary: data.summary || null,
    }, 'retro.save');
    return viewAfter(tx, space, updated);
  });
}

/** Completes the retrospective: the figures are kept as they are now, so the record no longer drifts. */
export async function completeRetrospective(actor: Actor, spaceId: string, input: { version?: unknown } = {}): Promise<RetroView> {
  const version = input.version === undefined ? undefined : parseInput(saveRetroSchema.shape.version, input.version);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, retro } = await openForWrite(tx, actor, spaceId);
    assertVersion(retro, version);
    if (retro.status === 'completed') throw Conflict('retro.errors.alreadyCompleted');
    const now = new Date();
    const facts = await computeRetroFacts(tx, spaceId, { now });
    const updated = await writeRetro(tx, actor, space, retro, { status: 'completed', facts, completedAt: now, completedBy: actorId(actor) }, 'retro.complete');
    return viewAfter(tx, space, updated);
  });
}

/** Opens a completed retrospective for changes again (leads, while the space is active); the snapshot is dropped. */
export async function reopenRetrospective(actor: Actor, spaceId: string): Promise<RetroView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, retro } = await openForWrite(tx, actor, spaceId);
    if (retro.status !== 'completed') throw Conflict('retro.errors.notCompleted');
    const updated = await writeRetro(tx, actor, space, retro, { status: 'draft', facts: null, completedAt: null, completedBy: null }, 'retro.reopen');
    return viewAfter(tx, space, updated);
  });
}

/**
 * Makes an improvement a task of the space (转为任务) through the task service, which checks
 * `task.create` and the assignee, and links the task in the improvement. Allowed on a draft and
 * on a completed retrospective: follow-up work usually starts once the review is done.
 */
export async function improvementToTask(actor: Actor, spaceId: string, improvementId: string, input: ImprovementToTaskInput): Promise<RetroView> {
  const { assigneeId, dueDate } = parseInput(improvementToTaskSchema, input);
  return linkImprovement(actor, spaceId, improvementId, 'taskId', async (tx, improvement) => {
    const task = await insertTask(tx, actor, spaceId, parseInput(createTaskSchema, {
      name: firstLineOf(improvement).slice(0, TASK_NAME_MAX),
      notes: improvement.text,
      assigneeId,
      dueDate,
    }));
    return task.id;
  });
}

/**
 * Makes an improvement a page of the space's knowledge base (转为知识库页面: titled by its first line,
 * the whole text as the page) through the knowledge base's own service, which checks `kb.edit`,
 * and links the page in the improvement. Like 转为任务, also once the retrospective is complete.
 */
export async function improvementToPage(actor: Actor, spaceId: string, improvementId: string): Promise<RetroView> {
  return linkImprovement(actor, spaceId, improvementId, 'pageId', async (tx, improvement) => {
    const page = await insertPage(tx, actor, spaceId, { title: firstLineOf(improvement).slice(0, KB_TITLE_MAX), content: plainTextToDoc(improvement.text) });
    return page.id;
  });
}

const firstLineOf = (improvement: RetroImprovement) => improvement.text.split(/\r?\n/)[0]!.trim();

/** Makes an improvement something else once (`make` returns its id) and keeps the link in the improvement. */
async function linkImprovement(
  actor: Actor, spaceId: string, improvementId: string, link: 'taskId' | 'pageId',
  make: (tx: Transaction, improvement: RetroImprovement) => Promise<string>,
): Promise<RetroView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, retro } = await openForWrite(tx, actor, spaceId);
    const improvements = (retro.improvements ?? []) as RetroImprovement[];
    const improvement = improvements.find((i) => i.id === improvementId);
    if (!improvement) throw NotFound();
    if (improvement[link]) throw Conflict(link === 'taskId' ? 'retro.errors.alreadyTask' : 'retro.errors.alreadyPage');
    const madeId = await make(tx, improvement);
    const updated = await writeRetro(tx, actor, space, retro, {
      improvements: improvements.map((i) => (i.id === improvementId ? { ...i, [link]: madeId } : i)),
    }, link === 'taskId' ? 'retro.improvementToTask' : 'retro.improvementToPage', { improvementId, [link]: madeId });
    return viewAfter(tx, space, updated);
  });
}
