import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fileVersions, type FileRow } from '@/db/schema';
import { searchColumns } from '@/lib/search/indexed-text';

/** A file's search columns: its name, then the text of its current version. */
export const fileSearchColumns = (name: string, extractedText: string | null | undefined) => searchColumns(name, extractedText);

/** The search columns of a file under a new name, with the text of the version it has now. */
export async function currentFileSearchColumns(tx: Transaction, file: Pick<FileRow, 'currentVersionId'>, name: string) {
  const [version] = file.currentVersionId
    ? await tx.select({ text: fileVersions.extractedText }).from(fileVersions).where(eq(fileVersions.id, file.currentVersionId))
    : [];
  return fileSearchColumns(name, version?.text);
}
