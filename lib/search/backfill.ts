import { and, eq, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { files, fileVersions, kbPages, tasks } from '@/db/schema';
import { extractStoredText } from '@/lib/files/extract-text';
import { fileSearchColumns } from '@/lib/files/search-columns';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { refreshTaskSearch } from '@/lib/tasks/search-columns';
import { searchColumns } from './indexed-text';

// Fills the search columns of rows written before global search existed (migration 0016 added
// them empty, and 0018 the title vectors), a batch at a time. Idempotent: a row is done once its vector is set, so running it
// in several processes at once, or again, only repeats the same writes.

const TASK_BATCH = 500;
const PAGE_BATCH = 200;
// Files are read back from storage for their text: a few at a time.
const FILE_BATCH = 20;

export interface BackfillCounts {
  tasks: number;
  files: number;
  pages: number;
}

async function backfillTasks(): Promise<number> {
  const db = await getDb();
  let done = 0;
  for (;;) {
    const rows = await db.select({ id: tasks.id }).from(tasks).where(or(isNull(tasks.searchVector), isNull(tasks.titleVector))).limit(TASK_BATCH);
    if (!rows.length) return done;
    await db.transaction((tx) => refreshTaskSearch(tx, null, rows.map((r) => r.id)));
    done += rows.length;
  }
}

async function backfillPages(): Promise<number> {
  const db = await getDb();
  let done = 0;
  for (;;) {
    const rows = await db.select({ id: kbPages.id, title: kbPages.title, content: kbPages.content }).from(kbPages).where(or(isNull(kbPages.searchVector), isNull(kbPages.titleVector))).limit(PAGE_BATCH);
    if (!rows.length) return done;
    for (const row of rows) await db.update(kbPages).set(searchColumns(row.title, richTextToPlainText(row.content))).where(eq(kbPages.id, row.id));
    done += rows.length;
  }
}

async function backfillFiles(): Promise<number> {
  const db = await getDb();
  let done = 0;
  for (;;) {
    const rows = await db.select({
      id: files.id, name: files.name, versionId: fileVersions.id, storageKey: fileVersions.storageKey, kind: fileVersions.kind,
      sizeBytes: fileVersions.sizeBytes, extractedText: fileVersions.extractedText,
    }).from(files).leftJoin(fileVersions, eq(fileVersions.id, files.currentVersionId)).where(or(isNull(files.searchVector), isNull(files.titleVector))).limit(FILE_BATCH);
    if (!rows.length) return done;
    for (const row of rows) {
      let text = row.extractedText;
      if (text === null && row.versionId && row.storageKey && row.kind) {
        text = await extractStoredText(row.storageKey, row.kind, Number(row.sizeBytes ?? 0));
        if (text !== null) await db.update(fileVersions).set({ extractedText: text }).where(and(eq(fileVersions.id, row.versionId), isNull(fileVersions.extractedText)));
      }
      await db.update(files).set(fileSearchColumns(row.name, text)).where(eq(files.id, row.id));
    }
    done += rows.length;
  }
}

/** Fills every missing search column: tasks, knowledge pages, then files (with their text extracted). */
export async function backfillSearchColumns(): Promise<BackfillCounts> {
  const counts = { tasks: await backfillTasks(), pages: await backfillPages(), files: 0 };
  counts.files = await backfillFiles();
  return counts;
}
