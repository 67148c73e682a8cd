import fs from 'node:fs/promises';

/** Whether a folder is missing or has nothing in it: what a restore may write into. */
export async function isEmptyFolder(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.length === 0;
}
