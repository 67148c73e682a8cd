import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '@/db/client';
import { commentAwaits, comments, files, kbPages, spaceMembers, spaces, tasks, users } from '@/db/schema';
import type { CommentTargetType } from './rules';

type Executor = Pick<Database | Transaction, 'select'>;

/** A comment still waiting for someone's answer, with what it is on and who wrote it. */
export interface OpenAwait {
  commentId: string;
  userId: string;
  userName: string;
  spaceId: string;
  spaceName: string;
  targetType: CommentTargetType;
  targetId: string;
  targetName: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
  dueAt: Date;
}

const author = alias(users, 'comment_author');
const person = alias(users, 'awaited_person');

/**
 * Open waits matching `where`, earliest due first (so the overdue come first): only live
 * comments on live tasks and files, and only people still members of the space.
 */
export function openAwaits(executor: Executor, where: SQL | undefined, limit: number): Promise<OpenAwait[]> {
  return executor.select({
    commentId: commentAwaits.commentId, userId: commentAwaits.userId, userName: person.name,
    spaceId: comments.spaceId, spaceName: spaces.name, targetType: comments.targetType, targetId: comments.targetId,
    targetName: sql<string>`coalesce(${tasks.name}, ${files.name}, ${kbPages.title})`, authorName: author.name, body: comments.body,
    createdAt: comments.createdAt, dueAt: commentAwaits.dueAt,
  })
    .from(commentAwaits)
    .innerJoin(comments, and(eq(comments.id, commentAwaits.commentId), isNull(comments.deletedAt)))
    .innerJoin(spaces, eq(spaces.id, comments.spaceId))
    .innerJoin(spaceMembers, and(eq(spaceMembers.spaceId, comments.spaceId), eq(spaceMembers.userId, commentAwaits.userId)))
    .innerJoin(person, eq(person.id, commentAwaits.userId))
    .leftJoin(author, eq(author.id, comments.authorId))
    .leftJoin(tasks, and(eq(comments.targetType, 'task'), eq(tasks.id, comments.targetId)))
    .leftJoin(files, and(eq(comments.targetType, 'file'), eq(files.id, comments.targetId), isNull(files.deletedAt)))
    .leftJoin(kbPages, and(eq(comments.targetType, 'kbPage'), eq(kbPages.id, comments.targetId), isNull(kbPages.deletedAt)))
    .where(and(isNull(commentAwaits.resolvedAt), sql`coalesce(${tasks.id}, ${files.id}, ${kbPages.id}) is not null`, where))
    .orderBy(asc(commentAwaits.dueAt), asc(commentAwaits.commentId))
    .limit(limit);
}
