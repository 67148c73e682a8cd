import { getTranslations } from 'next-intl/server';
import type { PreviewKind } from '@/lib/files/rules';
import type { Preview } from '@/lib/files/preview/types';
import { PdfViewer } from './pdf-viewer';
import { SheetTabs } from './sheet-tabs';
import 'highlight.js/styles/github.css';

interface FilePreviewProps {
  preview: Preview;
  kind: PreviewKind;
  name: string;
  /** A signed link to the version's bytes, shown inline (images, PDF, players). */
  inlineUrl: string;
  downloadUrl: string;
}

/**
 * 在线预览: what the server made of the file. HTML here was sanitised on the server when the
 * preview was generated; media are the file itself, in elements that run nothing.
 */
export async function FilePreview({ preview, kind, name, inlineUrl, downloadUrl }: FilePreviewProps) {
  const t = await getTranslations('files');
  const truncatedNote = <p className="mt-2 text-xs text-slate-500">{t('previewTruncated')}</p>;
  switch (preview.type) {
    case 'media':
      if (kind === 'image') {
        // eslint-disable-next-line @next/next/no-img-element -- a signed, private URL: no image optimiser in between.
        return <img src={inlineUrl} alt={name} className="mx-auto max-h-[75vh] max-w-full rounded" data-testid="image-preview" />;
      }
      if (kind === 'pdf') return <PdfViewer url={inlineUrl} />;
      if (kind === 'audio') return <audio controls src={inlineUrl} className="w-full" data-testid="audio-preview" />;
      return <video controls src={inlineUrl} className="max-h-[75vh] w-full rounded bg-black" data-testid="video-preview" />;
    case 'html':
      return (
        <div>
          <div className="file-preview rich-text max-w-none" data-testid="html-preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
          {preview.truncated && truncatedNote}
        </div>
      );
    case 'code':
      return (
        <div>
          <pre className="max-h-[75vh] overflow-auto rounded bg-slate-50 p-3 text-sm" data-testid="code-preview">
            <code className="hljs" dangerouslySetInnerHTML={{ __html: preview.html }} />
          </pre>
          {preview.truncated && truncatedNote}
        </div>
      );
    case 'text':
      return (
        <div>
          <pre className="max-h-[75vh] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm text-slate-800" data-testid="text-preview">{preview.text}</pre>
          {preview.truncated && truncatedNote}
        </div>
      );
    case 'sheets':
      return <SheetTabs sheets={preview.sheets} truncatedSheets={preview.truncatedSheets} />;
    case 'unavailable':
      return (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center" data-testid="preview-unavailable" data-reason={preview.reason}>
          <p className="font-medium text-slate-800">{t(`previewUnavailable.${preview.reason}`)}</p>
          <a href={downloadUrl} className="mt-3 inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
            {t('download')}
          </a>
        </div>
      );
  }
}
