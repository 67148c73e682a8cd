import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { comments, fileAttachments, files, meetings, messages, tasks } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import type { SpaceAction } from '@/lib/auth/permissions';
import { announceMessageChange } from '@/lib/chat/messages';
import { announceCommentAttachments } from '@/lib/comments/events';
import { recordAudit } from '@/lib/audit';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { holdsMeetingRight } from '@/lib/meetings/access';
import { announceMeetingChange } from '@/lib/meetings/events';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeFile } from './access';
import { announceFileChanges } from './events';
import { fileResources } from './queries';
import type { AttachmentResource } from './resources';
import type { AttachmentTarget } from './rules';
import { attachSchema } from './schema';

/** What attaching to each kind of thing asks of the actor, and where that thing lives. */
interface TargetRules {
  action: SpaceAction;
  spaceOf: (tx: Transaction, id: string) => Promise<string | null>;
  /**
   * Whether this actor may attach to that one (beyond the action): a message only by its author,
   * a meeting only by whoever may edit it (its organiser or a lead).
   */
  mayAttach?: (tx: Transaction, id: string, actor: Actor, access: LoadedSpaceAccess) => Promise<boolean>;
  /** What a refusal by `mayAttach` says (a key of the `errors` catalogue). */
  refusal?: string;
  /** Tells open views of the target that its attachments changed. */
  announce?: (tx: Transaction, actor: Actor, spaceId: string, id: string) => Promise<void>;
}

const TARGETS: Partial<Record<AttachmentTarget, TargetRules>> = {
  task: {
    action: 'task.edit',
    spaceOf: async (tx, id) => (await tx.select({ spaceId: tasks.spaceId }).from(tasks).where(eq(tasks.id, id)))[0]?.spaceId ?? null,
  },
  message: {
    action: 'chat.post',
    spaceOf: async (tx, id) => (await tx.select({ spaceId: messages.spaceId }).from(messages).where(eq(messages.id, id)))[0]?.spaceId ?? null,
    mayAttach: async (tx, id, actor) => (await tx.select({ authorId: messages.authorId }).from(messages).where(eq(messages.id, id)))[0]?.authorId === requireUserActor(actor).id,
    announce: (tx, _actor, _spaceId, id) => announceMessageChange(tx, id),
  },
  meeting: {
    action: 'meeting.schedule',
    spaceOf: async (tx, id) => (await tx.select({ spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, id)))[0]?.spaceId ?? null,
    mayAttach: async (tx, id, actor, access) => {
      const [meeting] = await tx.select().from(meetings).where(and(eq(meetings.id, id), eq(meetings.spaceId, access.space.id)));
      return meeting ? holdsMeetingRight(tx, actor, access, meeting, 'edit') : false;
    },
    refusal: 'meetingNotOrganizer',
    announce: announceMeetingChange,
  },
  comment: {
    action: 'space.comment',
    spaceOf: async (tx, id) => (await tx.select({ spaceId: comments.spaceId }).from(comments).where(eq(comments.id, id)))[0]?.spaceId ?? null,
    mayAttach: async (tx, id, actor) => {
      const [comment] = await tx.select({ authorId: comments.authorId, deletedAt: comments.deletedAt }).from(comments).where(eq(comments.id, id));
      return comment?.authorId === requireUserActor(actor).id && !comment.deletedAt;
    },
    refusal: 'commentNotAuthor',
    announce: (tx, actor, _spaceId, id) => announceCommentAttachments(tx, actor, id),
  },
};

/**
 * Attaches a library file to a task, a meeting, or one's own message or comment of the same space;
 * attaching twice is harmless.
 */
export async function attachFile(actor: Actor, fileId: string, input: { targetType?: unknown; targetId?: unknown }): Promise<void> {
  const user = requireUserActor(actor);
  const data = parseInput(attachSchema, input);
  const target = TARGETS[data.targetType];
  if (!target) throw Invalid({ targetType: ['attachmentTargetInvalid'] });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { file, space } = await authorizeFile(tx, actor, fileId, 'space.view');
    // Something of another space is as unknown as nothing at all.
    if ((await target.spaceOf(tx, data.targetId)) !== file.spaceId) throw Invalid({ targetId: ['attachmentTargetUnknown'] });
    const access = await authorizeSpace(tx, actor, file.spaceId, target.action);
    if (target.mayAttach && !(await target.mayAttach(tx, data.targetId, actor, access))) throw Forbidden(target.refusal);
    await tx.insert(fileAttachments).values({ fileId, targetType: data.targetType, targetId: data.targetId, createdBy: user.id }).onConflictDoNothing();
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'file.attach', targetType: 'file', targetId: fileId, data: { to: data.targetType, id: data.targetId } });
    await announceFileChanges(tx, actor, space.id, [fileId]);
    await target.announce?.(tx, actor, space.id, data.targetId);
  });
}

/** Takes an attachment off its task, meeting or message (asking what attaching asks); the file stays in the library. */
export async function detachFile(actor: Actor, attachmentId: string): Promise<void> {
  if (!isUuid(attachmentId)) throw NotFound();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(fileAttachments).where(eq(fileAttachments.id, attachmentId));
    const target = row && TARGETS[row.targetType];
    if (!row || !target) throw NotFound();
    const { space } = await authorizeFile(tx, actor, row.fileId, 'space.view');
    const access = await authorizeSpace(tx, actor, space.id, target.action);
    if (target.mayAttach && !(await target.mayAttach(tx, row.targetId, actor, access))) throw Forbidden(target.refusal);
    await tx.delete(fileAttachments).where(eq(fileAttachments.id, attachmentId));
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'file.detach', targetType: 'file', targetId: row.fileId, data: { from: row.targetType, id: row.targetId } });
    await announceFileChanges(tx, actor, space.id, [row.fileId]);
    await target.announce?.(tx, actor, space.id, row.targetId);
  });
}

/** The live files attached to one task, meeting or message (the caller must be able to see its space). */
export async function attachmentsOf(actor: Actor, spaceId: string, targetType: AttachmentTarget, targetId: string): Promise<AttachmentResource[]> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const rows = await db.select().from(fileAttachments).innerJoin(files, eq(files.id, fileAttachments.fileId))
    .where(and(eq(fileAttachments.targetType, targetType), eq(fileAttachments.targetId, targetId), eq(files.spaceId, spaceId)))
    .orderBy(asc(fileAttachments.createdAt));
  if (!rows.length) return [];
  const found = new Map((await fileResources(db, user.id, inArray(files.id, rows.map((r) => r.files.id)))).filter((f) => !f.deletedAt).map((f) => [f.id, f]));
  return rows.flatMap(({ file_attachments: a }) => {
    const file = found.get(a.fileId);
    return file ? [{ id: a.id, targetType: a.targetType, targetId: a.targetId, file, createdAt: a.createdAt.toISOString() }] : [];
  });
}
