import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { meetingActionItems, type MeetingActionItem } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { DomainError, isDomainError, NotFound } from '@/lib/errors';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { createTaskSchema } from '@/lib/tasks/schema';
import { insertTask, updateTask } from '@/lib/tasks/service';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeMeeting } from './access';
import { announceMeetingChange } from './events';
import { actionItemSchema, updateActionItemSchema, type ActionItemInput, type UpdateActionItemInput } from './schema';

async function assertPeople(tx: Transaction, spaceId: string, data: { ownerId?: string; helperIds?: string[] }) {
  if (data.ownerId) await assertSpaceMembers(tx, spaceId, [data.ownerId], 'ownerId', 'ownerNotMember');
  if (data.helperIds) await assertSpaceMembers(tx, spaceId, data.helperIds, 'helperIds', 'helperNotMember');
}

/** Adds an action item (待办) to a meeting: one owner, helpers, due date and priority. */
export async function addActionItem(actor: Actor, meetingId: string, input: ActionItemInput): Promise<MeetingActionItem> {
  const data = parseInput(actionItemSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting } = await authorizeMeeting(tx, actor, meetingId, 'record');
    await assertPeople(tx, meeting.spaceId, data);
    const [last] = await tx.select({ n: max(meetingActionItems.position) }).from(meetingActionItems).where(eq(meetingActionItems.meetingId, meeting.id));
    const [item] = await tx.insert(meetingActionItems).values({
      spaceId: meeting.spaceId, meetingId: meeting.id, position: (last?.n ?? -1) + 1, title: data.title, ownerId: data.ownerId!,
      helperIds: [...new Set(data.helperIds)].filter((id) => id !== data.ownerId), dueDate: data.dueDate, priority: data.priority, createdBy: actorId(actor),
    }).returning();
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return item!;
  });
}

async function authorizeActionItem(tx: Transaction, actor: Actor, itemId: string) {
  if (!isUuid(itemId)) throw NotFound();
  const [found] = await tx.select({ meetingId: meetingActionItems.meetingId }).from(meetingActionItems).where(eq(meetingActionItems.id, itemId));
  if (!found) throw NotFound();
  const { meeting, access } = await authorizeMeeting(tx, actor, found.meetingId, 'record');
  const [item] = await tx.select().from(meetingActionItems).where(and(eq(meetingActionItems.id, itemId), eq(meetingActionItems.meetingId, meeting.id)));
  if (!item) throw NotFound();
  return { item, meeting, access };
}

// The task's names for the fields an action item shares with it, to name a refusal by the item's.
const TASK_TO_ITEM_FIELD: Record<string, string> = { name: 'title', assigneeId: 'ownerId' };

/** The task's refusal, with its field errors under the action item's field names. */
function asItemError(error: unknown): unknown {
  if (!isDomainError(error) || !Object.keys(error.fieldErrors).length) return error;
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [TASK_TO_ITEM_FIELD[field] ?? field, messages]));
  return new DomainError(error.code, error.status, error.messageKey, fieldErrors);
}

/**
 * Changes an action item. Once synced, the task is the action item: the change goes to the task
 * (with the task's own rules and permission), and the minutes show the task.
 */
export async function updateActionItem(actor: Actor, itemId: string, input: UpdateActionItemInput): Promise<void> {
  const data = parseInput(updateActionItemSchema, input);
  const db = await getDb();
  const { item, meeting } = await db.transaction((tx) => authorizeActionItem(tx, actor, itemId));
  const sent = (field: string) => field in (input as object);
  if (item.taskId) {
    await updateTask(actor, item.taskId, {
      ...(data.title !== undefined ? { name: data.title } : {}),
      ...(data.ownerId !== undefined ? { assigneeId: data.ownerId } : {}),
      ...(sent('helperIds') ? { helperIds: data.helperIds } : {}),
      ...(data.dueDate !== undefined ? { dueDate: data.dueDate } : {}),
      ...(sent('priority') ? { priority: data.priority } : {}),
    }).catch((error: unknown) => {
      throw asItemError(error);
    });
    await db.transaction((tx) => announceMeetingChange(tx, actor, meeting.spaceId, meeting.id));
    return;
  }
  await db.transaction(async (tx) => {
    await authorizeActionItem(tx, actor, itemId);
    await assertPeople(tx, meeting.spaceId, data);
    const ownerId = data.ownerId ?? item.ownerId;
    await tx.update(meetingActionItems).set({
      ...(data.title !== undefined ? { title: data.title } : {}),
      ownerId,
      ...(sent('helperIds') ? { helperIds: [...new Set(data.helperIds)].filter((id) => id !== ownerId) } : {}),
      ...(data.dueDate !== undefined ? { dueDate: data.dueDate } : {}),
      ...(sent('priority') ? { priority: data.priority } : {}),
    }).where(and(eq(meetingActionItems.id, item.id), eq(meetingActionItems.meetingId, meeting.id)));
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
  });
}

/** Takes an action item off the minutes; a task made from it stays on the board. */
export async function deleteActionItem(actor: Actor, itemId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { item, meeting } = await authorizeActionItem(tx, actor, itemId);
    await tx.delete(meetingActionItems).where(and(eq(meetingActionItems.id, item.id), eq(meetingActionItems.meetingId, meeting.id)));
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
  });
}

/**
 * 同步到任务: every action item not yet synced becomes a task of the space (owner → assignee),
 * linked both ways, in one transaction: a second click, or two people at once, makes no duplicates.
 * Returns how many tasks were created.
 */
export async function syncActionItems(actor: Actor, meetingId: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting, access } = await authorizeMeeting(tx, actor, meetingId, 'record');
    const pending = await tx.select().from(meetingActionItems)
      .where(and(eq(meetingActionItems.meetingId, meeting.id), isNull(meetingActionItems.taskId)))
      .orderBy(asc(meetingActionItems.position));
    for (const item of pending) {
      const task = await insertTask(tx, actor, meeting.spaceId, parseInput(createTaskSchema, {
        name: item.title, assigneeId: item.ownerId, helperIds: item.helperIds, dueDate: item.dueDate, priority: item.priority,
      }));
      await tx.update(meetingActionItems).set({ taskId: task.id }).where(and(eq(meetingActionItems.id, item.id), eq(meetingActionItems.meetingId, meeting.id)));
    }
    if (pending.length) {
      await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: meeting.spaceId, action: 'meeting.syncTasks', targetType: 'meeting', targetId: meeting.id, data: { count: pending.length } });
      await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    }
    return pending.length;
  });
}
