import type { AttachedFile } from '@/lib/files/attached';
import { formatBytes } from '@/lib/files/format';
import { FileIcon } from './file-icon';

/** The files attached to a message or comment, each a chip linking to the file's page in the library. */
export function AttachedFileChips({ spaceId, files, testId }: { spaceId: string; files: readonly AttachedFile[]; testId: string }) {
  if (!files.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" data-testid={testId}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/spaces/${spaceId}/files/${file.fileId}`} className="inline-flex max-w-64 items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm text-slate-800 hover:border-brand-300">
            <FileIcon kind={file.kind} />
            <span className="truncate">{file.name}</span>
            <span className="shrink-0 text-xs text-slate-500">{formatBytes(file.sizeBytes)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
