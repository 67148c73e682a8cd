'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { Button } from '@/components/ui/button';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; doc: PDFDocumentProxy };

/**
 * A PDF page by page, drawn by pdf.js into a canvas (no plug-in, nothing in the file runs): the
 * library loads only when a PDF is shown, its worker from our own bundle.
 */
export function PdfViewer({ url }: { url: string }) {
  const t = useTranslations('files');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [page, setPage] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      if (!pdfjs.GlobalWorkerOptions.workerPort) {
        pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
      }
      loaded = await pdfjs.getDocument({ url, isEvalSupported: false, enableXfa: false }).promise;
      if (cancelled) return void loaded.destroy();
      setState({ status: 'ready', doc: loaded });
    })().catch(() => !cancelled && setState({ status: 'failed' }));
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (state.status !== 'ready' || !canvas.current || !frame.current) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    const target = canvas.current;
    const width = frame.current.clientWidth;
    void state.doc.getPage(page).then((pdfPage) => {
      const base = pdfPage.getViewport({ scale: 1 });
      const scale = Math.min(2, width / base.width);
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: scale * ratio });
      target.width = viewport.width;
      target.height = viewport.height;
      target.style.width = `${viewport.width / ratio}px`;
      target.style.height = `${viewport.height / ratio}px`;
      task = pdfPage.render({ canvas: target, viewport });
      return task.promise;
    }).catch(() => undefined);
    return () => task?.cancel();
  }, [state, page]);

  if (state.status === 'failed') return <p role="alert" className="text-sm text-red-700">{t('previewCorrupt')}</p>;
  const pages = state.status === 'ready' ? state.doc.numPages : 0;
  return (
    <div ref={frame} className="w-full" data-testid="pdf-viewer" data-pages={pages}>
      <div className="mb-2 flex items-center justify-center gap-2">
        <Button variant="secondary" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1} aria-label={t('previousPage')}>
          <ChevronLeft className="size-4" aria-hidden="true" />
        </Button>
        <span className="text-sm text-slate-700" aria-live="polite" data-testid="pdf-page">
          {state.status === 'ready' ? t('pageOf', { page, pages }) : t('loadingPreview')}
        </span>
        <Button variant="secondary" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={page >= pages} aria-label={t('nextPage')}>
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
      </div>
      <div className="overflow-auto rounded border border-slate-200 bg-slate-100">
        <canvas ref={canvas} className="mx-auto block bg-white" />
      </div>
    </div>
  );
}
