'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';

export interface UploadItem {
  id: string;
  name: string;
  size: number;
  loaded: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';
  error?: string;
  /** Set when the upload became a new version of a file already there. */
  newVersion?: boolean;
}

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string[]> };
}

// Three at a time: enough to fill the line, few enough that each shows progress.
const PARALLEL = 3;

/**
 * Uploads files one request each (the body is the file: it streams to storage on the server),
 * with progress per file, cancel, and a refresh of the page when a batch has finished.
 */
export function useUploads(urlFor: (file: File) => string, maxBytes: number, onUploaded?: (file: { id: string; name: string }) => Promise<void> | void) {
  const t = useTranslations('files');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [items, setItems] = useState<UploadItem[]>([]);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const queue = useRef<{ item: UploadItem; file: File }[]>([]);
  const running = useRef(0);

  const update = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((all) => all.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const pump = useCallback(() => {
    // Each finished upload starts the next one waiting.
    const next = () => {
      while (running.current < PARALLEL && queue.current.length) {
        const { item, file } = queue.current.shift()!;
        running.current++;
        const xhr = new XMLHttpRequest();
        requests.current.set(item.id, xhr);
        xhr.open('POST', urlFor(file));
        xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = (event) => update(item.id, { loaded: event.loaded });
        const finish = (change: Partial<UploadItem>) => {
          requests.current.delete(item.id);
          running.current--;
          update(item.id, change);
          if (running.current === 0 && queue.current.length === 0) router.refresh();
          next();
        };
        xhr.onload = async () => {
          if (xhr.status >= 200 && xhr.status < 300) {
            if (onUploaded) await onUploaded((JSON.parse(xhr.responseText) as { file: { id: string; name: string } }).file);
            return finish({ state: 'done', loaded: item.size, newVersion: xhr.status === 200 });
          }
          let body: ErrorBody | null = null;
          try {
            body = JSON.parse(xhr.responseText) as ErrorBody;
          } catch {
            body = null;
          }
          const fields = body?.error?.fields;
          finish({ state: 'failed', error: fields?.file?.[0] ?? fields?.name?.[0] ?? body?.error?.message ?? tErrors('server') });
        };
        xhr.onerror = () => finish({ state: 'failed', error: t('uploadNetworkError') });
        xhr.onabort = () => finish({ state: 'cancelled' });
        update(item.id, { state: 'uploading' });
        xhr.send(file);
      }
    };
    next();
  }, [onUploaded, router, t, tErrors, update, urlFor]);

  const add = useCallback((files: Iterable<File>) => {
    const added: UploadItem[] = [];
    for (const file of files) {
      const item: UploadItem = { id: crypto.randomUUID(), name: file.name, size: file.size, loaded: 0, state: 'waiting' };
      // Answered at once here; the server enforces the same cap while the bytes arrive.
      if (file.size > maxBytes) {
        added.push({ ...item, state: 'failed', error: t('tooLargeForLimit') });
        continue;
      }
      added.push(item);
      queue.current.push({ item, file });
    }
    setItems((all) => [...added, ...all.filter((i) => i.state === 'uploading' || i.state === 'waiting' || i.state === 'failed')]);
    pump();
  }, [maxBytes, pump, t]);

  const cancel = useCallback((id: string) => {
    const xhr = requests.current.get(id);
    if (xhr) return xhr.abort();
    queue.current = queue.current.filter((q) => q.item.id !== id);
    update(id, { state: 'cancelled' });
  }, [update]);

  const clear = useCallback(() => setItems((all) => all.filter((i) => i.state === 'uploading' || i.state === 'waiting')), []);

  return { items, add, cancel, clear };
}
