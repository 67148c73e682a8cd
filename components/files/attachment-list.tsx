import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { env } from '@/lib/env';
import { detachFileAction } from '@/lib/files/actions';
import { formatBytes } from '@/lib/files/format';
import type { AttachmentResource, FileResource } from '@/lib/files/resources';
import { AttachPicker } from './attach-picker';
import { FileIcon } from './file-icon';

interface AttachmentListProps {
  spaceId: string;
  target: { type: 'task' | 'message' | 'meeting'; id: string };
  attachments: AttachmentResource[];
  /** Library files offered for attaching; empty when the viewer may not attach. */
  choices: FileResource[];
  canAttach: boolean;
}

/** 附件 of a task, meeting (or message): library files with a link to each, and, for editors, add and remove. */
export async function AttachmentList({ spaceId, target, attachments, choices, canAttach }: AttachmentListProps) {
  const t = await getTranslations('files');
  const attachedIds = new Set(attachments.map((a) => a.file.id));
  return (
    <section aria-labelledby="attachments-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="attachments">
      <h3 id="attachments-title" className="mb-2 font-medium text-slate-900">{t('attachments')}</h3>
      {attachments.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noAttachments')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {attachments.map((a) => (
            <li key={a.id} className="flex items-center gap-3 py-1.5" data-testid="attachment">
              <FileIcon kind={a.file.version.kind} mime={a.file.version.mime} />
              <Link href={`/spaces/${spaceId}/files/${a.file.id}`} className="min-w-0 flex-1 truncate text-sm text-brand-700 hover:underline">{a.file.name}</Link>
              <span className="text-xs text-slate-500">{formatBytes(a.file.version.sizeBytes)}</span>
              {canAttach && <ActionButton action={detachFileAction} fields={{ attachmentId: a.id }} label={t('detach')} ariaLabel={t('detachNamed', { name: a.file.name })} tone="danger" />}
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <AttachPicker
          spaceId={spaceId}
          target={target}
          maxBytes={env.FILE_MAX_BYTES}
          choices={choices.filter((f) => !attachedIds.has(f.id)).map((f) => ({ id: f.id, name: f.name }))}
        />
      )}
    </section>
  );
}
