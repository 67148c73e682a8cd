import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { files, kbPages, tasks } from '@/db/schema';
import { NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation';
import type { CommentTargetType } from './rules';

type Executor = Pick<Database | Transaction, 'select'>;

/** What a comment is on: its space, the name people know it by, and (a task) who is answerable for it. */
export interface CommentTarget {
  type: CommentTargetType;
  id: string;
  spaceId: string;
  name: string;
  assigneeId: string | null;
}

/** The task, live file or live space page a comment is on; a missing one, or one in the recycle bin, names nothing (404). */
export async function findCommentTarget(executor: Executor, type: CommentTargetType, id: string): Promise<CommentTarget> {
  if (!isUuid(id)) throw NotFound();
  if (type === 'task') {
    const [row] = await executor.select({ spaceId: tasks.spaceId, name: tasks.name, assigneeId: tasks.assigneeId }).from(tasks).where(eq(tasks.id, id));
    if (!row) throw NotFound();
    return { type, id, ...row };
  }
  if (type === 'kbPage') {
    // Only a space's pages have a thread: the organisation's have no space to answer in.
    const [row] = await executor.select({ spaceId: kbPages.spaceId, name: kbPages.title }).from(kbPages).where(and(eq(kbPages.id, id), isNull(kbPages.deletedAt)));
    if (!row?.spaceId) throw NotFound();
    return { type, id, spaceId: row.spaceId, name: row.name, assigneeId: null };
  }
  const [row] = await executor.select({ spaceId: files.spaceId, name: files.name }).from(files).where(and(eq(files.id, id), isNull(files.deletedAt)));
  if (!row) throw NotFound();
  return { type, id, ...row, assigneeId: null };
}

/** The app page a comment is shown on, anchored at the comment. */
export function commentHref(target: { spaceId: string; type: CommentTargetType; id: string }, commentId: string): string {
  const section = { task: 'tasks', file: 'files', kbPage: 'kb' }[target.type];
  return `/spaces/${target.spaceId}/${section}/${target.id}#comment-${commentId}`;
}
