'use client';

import { Paperclip, Upload, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/lib/files/format';
import { useUploads, type UploadItem } from './use-uploads';

interface UploadPanelProps {
  /** Where the bytes of `name` go: the folder's upload URL, or a file's new-version URL. */
  url: string;
  maxBytes: number;
  multiple?: boolean;
  label: string;
  /** What the drop zone wraps (the folder's listing); without it the panel is a button only. */
  children?: ReactNode;
  testId?: string;
  /** Other buttons shown in a row with the upload button (新建文件夹). */
  toolbar?: ReactNode;
  /** 'icon': a small paperclip button named by `label` (the chat's composer). */
  look?: 'button' | 'icon';
  /** A line under the buttons. */
  hint?: string;
  /** Runs with each stored file (e.g. to attach it somewhere) before the upload counts as done. */
  onUploaded?: (file: { id: string; name: string }) => Promise<void> | void;
}

function UploadRow({ item, onCancel }: { item: UploadItem; onCancel: () => void }) {
  const t = useTranslations('files');
  const percent = item.size ? Math.round((item.loaded / item.size) * 100) : 100;
  const status = {
    waiting: t('uploadWaiting'),
    uploading: `${percent}%`,
    done: item.newVersion ? t('uploadedAsVersion') : t('uploadDone'),
    failed: item.error ?? '',
    cancelled: t('uploadCancelled'),
  }[item.state];
  return (
    <li className="flex items-center gap-3 py-2" data-testid="upload-item" data-state={item.state}>
      <div className="min-w-0 flex-1">
        <div className="flex justify-between gap-2 text-sm">
          <span className="truncate text-slate-800">{item.name}</span>
          <span className="shrink-0 text-slate-500">{formatBytes(item.size)}</span>
        </div>
        <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={item.name}>
          <div className={`h-full ${item.state === 'failed' ? 'bg-red-500' : 'bg-brand-600'}`} style={{ width: `${item.state === 'failed' ? 100 : percent}%` }} />
        </div>
        <p className={`mt-1 text-xs ${item.state === 'failed' ? 'text-red-700' : 'text-slate-600'}`} role={item.state === 'failed' ? 'alert' : undefined}>
          {status}
        </p>
      </div>
      {(item.state === 'uploading' || item.state === 'waiting') && (
        <button type="button" onClick={onCancel} className="rounded p-2 text-slate-500 hover:bg-slate-100" aria-label={t('cancelUpload', { name: item.name })}>
          <X className="size-4" aria-hidden="true" />
        </button>
      )}
    </li>
  );
}

/**
 * 上传: a button (several files at once when `multiple`) and, around `children`, a drop zone for
 * dragged files; each file shows its own progress and can be cancelled.
 */
export function UploadPanel({ url, maxBytes, multiple = true, label, children, testId = 'upload-panel', onUploaded, toolbar, hint, look = 'button' }: UploadPanelProps) {
  const t = useTranslations('files');
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const urlFor = useCallback((file: File) => `${url}${url.includes('?') ? '&' : '?'}name=${encodeURIComponent(file.name)}`, [url]);
  const { items, add, cancel, clear } = useUploads(urlFor, maxBytes, onUploaded);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return (
    <div data-testid={testId} className={look === 'icon' ? 'relative' : undefined}>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="upload-input"
        onChange={(event) => {
          if (event.target.files?.length) add(Array.from(event.target.files));
          event.target.value = '';
        }}
      />
      <div className="flex flex-wrap items-start gap-2">
        {look === 'icon' ? (
          <button type="button" onClick={() => input.current?.click()} aria-label={label} title={label} className="flex size-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100" data-testid="attach-button">
            <Paperclip className="size-5" aria-hidden="true" />
          </button>
        ) : (
          <Button onClick={() => input.current?.click()}>
            <Upload className="size-4" aria-hidden="true" />
            {label}
          </Button>
        )}
        {toolbar}
      </div>
      {hint && <p className="mt-2 text-xs text-slate-500">{hint}</p>}
      {items.length > 0 && (
        <div className={`rounded-lg border border-slate-200 bg-white px-4 py-2 ${look === 'icon' ? 'absolute bottom-12 left-0 z-20 w-72 shadow-lg' : 'mt-3'}`} aria-live="polite">
          <ul className="divide-y divide-slate-100">
            {items.map((item) => <UploadRow key={item.id} item={item} onCancel={() => cancel(item.id)} />)}
          </ul>
          {items.every((i) => i.state !== 'uploading' && i.state !== 'waiting') && (
            <button type="button" onClick={clear} className="mt-1 text-xs text-brand-700 hover:underline">
              {t('clearUploads')}
            </button>
          )}
        </div>
      )}
      {children !== undefined && (
        <div
          className={`relative mt-4 rounded-lg ${dragging ? 'outline-2 outline-dashed outline-brand-500' : ''}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            if (!hasFiles(event)) return;
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={(event) => {
            if (!hasFiles(event)) return;
            event.preventDefault();
            setDragging(false);
            add(Array.from(event.dataTransfer.files));
          }}
        >
          {dragging && (
            <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-lg bg-brand-50/90 text-sm font-medium text-brand-800">
              {t('dropHere')}
            </div>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
