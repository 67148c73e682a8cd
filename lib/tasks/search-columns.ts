import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { tasks, type NewTask, type Task } from '@/db/schema';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { searchColumns } from '@/lib/search/indexed-text';

// Every write of a task's name, description or delivery standard also writes its search columns
// (global search), through these two helpers.

/** The search columns of a task: its name, description and delivery standard as plain text. */
export function taskSearchColumns(task: Pick<Task, 'name' | 'description' | 'deliveryStandard'>) {
  return searchColumns(task.name, richTextToPlainText(task.description), richTextToPlainText(task.deliveryStandard));
}

/** A task row to insert with its search columns (the vector is an SQL cast, not a plain value). */
export type NewTaskRow = Omit<NewTask, 'searchVector' | 'titleVector'> & { searchVector?: SQL; titleVector?: SQL };

const CHUNK = 500;

/** Rewrites the search columns of tasks from their stored text (bulk writes, the backfill), one statement per chunk. */
export async function refreshTaskSearch(tx: Transaction, spaceId: string | null, taskIds: readonly string[]): Promise<void> {
  for (let i = 0; i < taskIds.length; i += CHUNK) {
    const part = taskIds.slice(i, i + CHUNK);
    const rows = await tx.select({ id: tasks.id, name: tasks.name, description: tasks.description, deliveryStandard: tasks.deliveryStandard })
      .from(tasks).where(and(inArray(tasks.id, part), spaceId ? eq(tasks.spaceId, spaceId) : undefined));
    if (!rows.length) continue;
    const values = rows.map((row) => {
      const { searchText, searchVector, titleVector } = taskSearchColumns(row);
      return sql`(${row.id}::uuid, ${searchText}::text, ${searchVector}, ${titleVector})`;
    });
    await tx.update(tasks)
      .set({ searchText: sql`v.search_text`, searchVector: sql`v.search_vector`, titleVector: sql`v.title_vector` })
      .where(eq(tasks.id, sql`v.id`))
      .from(sql`(values ${sql.join(values, sql`, `)}) as v(id, search_text, search_vector, title_vector)`);
  }
}
