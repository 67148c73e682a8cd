import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { commentAwaits, comments, spaces, users, type Comment } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { mentionsOf } from '@/lib/chat/markdown';
import { attachedFilesOf, type AttachedFile } from '@/lib/files/attached';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { openAwaits, type OpenAwait } from './awaiting-list';
import { AWAITING_PER_PERSON_MAX, isOverdue, type AwaitResolution } from './rules';
import { commentTargetSchema, type CommentTargetInput } from './schema';
import { responseRuleOf, type ResponseRule } from './settings';
import { findCommentTarget } from './targets';

// A busy task has dozens of comments, not thousands; beyond this the oldest threads are left out.
const THREAD_LIMIT = 500;

export interface CommentAwaitView {
  userId: string;
  name: string;
  dueAt: Date;
  resolvedAt: Date | null;
  resolution: AwaitResolution | null;
  overdue: boolean;
}

export interface CommentView extends Pick<Comment, 'id' | 'parentId' | 'authorId' | 'body' | 'createdAt' | 'editedAt' | 'deletedAt'> {
  authorName: string | null;
  awaiting: CommentAwaitView[];
  attachments: AttachedFile[];
}

export interface CommentThread extends CommentView {
  replies: CommentView[];
}

export interface CommentListing {
  threads: CommentThread[];
  /** Names of everyone the comments mention, for rendering <@id>. */
  names: Record<string, string>;
  rule: ResponseRule;
  canComment: boolean;
  /** Leads may delete anyone's comment. */
  canModerate: boolean;
}

/** The comments on a task or file, as threads, oldest first; each with whom it waits for. */
export async function listComments(actor: Actor, input: CommentTargetInput, now: Date): Promise<CommentListing> {
  const { targetType, targetId } = parseInput(commentTargetSchema, input);
  const db = await getDb();
  const target = await findCommentTarget(db, targetType, targetId);
  const access = await authorizeSpace(db, actor, target.spaceId, 'space.view');
  const rows = await db.select({ comment: comments, authorName: users.name }).from(comments).leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.spaceId, access.space.id), eq(comments.targetType, target.type), eq(comments.targetId, target.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id)).limit(THREAD_LIMIT);
  const ids = rows.map((row) => row.comment.id);
  const awaits = ids.length
    ? await db.select({ wait: commentAwaits, name: users.name }).from(commentAwaits).innerJoin(users, eq(users.id, commentAwaits.userId))
      .where(inArray(commentAwaits.commentId, ids)).orderBy(asc(users.name))
    : [];
  const attachments = await attachedFilesOf(db, 'comment', ids);
  const mentioned = [...new Set(rows.flatMap((row) => mentionsOf(row.comment.body).userIds))];
  const named = mentioned.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, mentioned), eq(users.organizationId, access.space.organizationId)))
    : [];
  const view = ({ comment, authorName }: (typeof rows)[number]): CommentView => ({
    id: comment.id, parentId: comment.parentId, authorId: comment.authorId, body: comment.body,
    createdAt: comment.createdAt, editedAt: comment.editedAt, deletedAt: comment.deletedAt, authorName,
    attachments: comment.deletedAt ? [] : (attachments.get(comment.id) ?? []),
    awaiting: awaits.filter((a) => a.wait.commentId === comment.id).map(({ wait, name }) => ({
      userId: wait.userId, name, dueAt: wait.dueAt, resolvedAt: wait.resolvedAt, resolution: wait.resolution, overdue: isOverdue(wait, now),
    })),
  });
  const threads: CommentThread[] = rows.filter((row) => !row.comment.parentId).map((row) => ({ ...view(row), replies: [] }));
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  for (const row of rows) if (row.comment.parentId) byId.get(row.comment.parentId)?.replies.push(view(row));
  return {
    threads,
    names: Object.fromEntries(named.map((n) => [n.id, n.name])),
    rule: await responseRuleOf(db, access.space.id),
    canComment: canInSpace(actor, access, 'space.comment'),
    canModerate: canInSpace(actor, access, 'comment.moderate'),
  };
}

export type AwaitingItem = OpenAwait & { overdue: boolean };

const withOverdue = (rows: OpenAwait[], now: Date): AwaitingItem[] => rows.map((row) => ({ ...row, overdue: isOverdue({ dueAt: row.dueAt, resolvedAt: null }, now) }));

/** What waits for the signed-in person's answer, in every active space they are in, overdue first. */
export async function listMyAwaiting(actor: Actor, now: Date, limit = 100): Promise<AwaitingItem[]> {
  const user = requireUserActor(actor);
  const db = await getDb();
  // An archived space takes no answers, so nothing there can still be asked of anyone.
  return withOverdue(await openAwaits(db, and(eq(commentAwaits.userId, user.id), eq(spaces.status, 'active')), limit), now);
}

/** Everything in a space still waiting for someone's answer, overdue first (its admins follow up). */
export async function listSpaceAwaiting(actor: Actor, spaceId: string, now: Date, limit = AWAITING_PER_PERSON_MAX * 10): Promise<AwaitingItem[]> {
  const db = await getDb();
  const access = await authorizeSpace(db, actor, spaceId, 'space.viewAudit');
  return withOverdue(await openAwaits(db, eq(comments.spaceId, access.space.id), limit), now);
}
