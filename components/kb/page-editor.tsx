'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { SavePageResult } from '@/lib/kb/actions';
import type { ActionState } from '@/lib/http/authed-action';
import { KB_TITLE_MAX } from '@/lib/kb/rules';
import type { TagSetResource } from '@/lib/kb/tags';
import { TagBadge } from './tag-badge';

interface PageEditorProps {
  action: (state: ActionState<SavePageResult>, formData: FormData) => Promise<ActionState<SavePageResult>>;
  page: { id: string; title: string; content: unknown; version: number };
  tagIds: string[];
  tagSets: TagSetResource[];
  /** The read view, where a successful save returns. */
  viewHref: string;
  /** The space's library upload URL, for images; none on organisation pages. */
  imageUploadUrl?: string;
}

/**
 * Edits a page: title, tags, text. The save names the version the edit began from; when someone
 * saved meanwhile, their version is shown beside the editor (which keeps what was typed), and the
 * user merges, overwrites with theirs in view, or discards theirs and reloads.
 */
export function PageEditor({ action, page, tagIds, tagSets, viewHref, imageUploadUrl }: PageEditorProps) {
  const t = useTranslations('kb');
  const router = useRouter();
  const { state, onSubmit, pending, form } = useFormAction(action);
  const { errors } = fieldHelpers(state);
  const [baseVersion, setBaseVersion] = useState(page.version);
  const overwrite = useRef(false);
  const result = state?.ok ? state.data : null;
  const conflict = result && !result.saved ? result.current : null;

  useEffect(() => {
    if (result?.saved) {
      router.replace(viewHref);
      router.refresh();
    }
  }, [result, router, viewHref]);

  useEffect(() => {
    // "Keep mine": the base becomes their version, then the same form is sent again.
    if (overwrite.current && conflict && baseVersion === conflict.version) {
      overwrite.current = false;
      form.current?.requestSubmit();
    }
  }, [baseVersion, conflict, form]);

  return (
    <div className={conflict ? 'grid gap-4 lg:grid-cols-2' : ''}>
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4" data-testid="kb-editor">
        <FormMessage state={state} />
        <input type="hidden" name="pageId" value={page.id} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <TextField name="title" label={t('pageTitle')} required maxLength={KB_TITLE_MAX} defaultValue={page.title} errors={errors('title')} />
        {tagSets.some((set) => set.tags.length) && (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t('tags')}</legend>
            {tagSets.filter((set) => set.tags.length).map((set) => (
              <div key={set.id} className="flex flex-wrap items-center gap-x-3">
                <span className="text-xs text-slate-500">{set.name}</span>
                {set.tags.map((tag) => (
                  <label key={tag.id} className="flex min-h-10 items-center gap-1.5 text-sm">
                    <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={tagIds.includes(tag.id)} className="size-5 rounded border-slate-300" />
                    <TagBadge tag={tag} />
                  </label>
                ))}
              </div>
            ))}
            {errors('tagIds') && <p className="mt-1 text-sm text-red-700">{errors('tagIds')!.join(' ')}</p>}
          </fieldset>
        )}
        <RichTextEditor name="content" label={t('content')} defaultValue={page.content} errors={errors('content')} variant="page" imageUploadUrl={imageUploadUrl} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending} data-testid="kb-save">{pending ? t('saving') : t('save')}</Button>
          <Button variant="secondary" onClick={() => router.push(viewHref)}>{t('cancelEdit')}</Button>
        </div>
      </form>
      {conflict && (
        <aside className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="kb-conflict" aria-live="polite">
          <h2 className="font-semibold text-amber-900">{t('conflictTitle')}</h2>
          <p className="text-sm text-amber-900">{t('conflictBody', { name: conflict.updatedByName ?? t('someone'), version: conflict.version })}</p>
          <div className="rounded border border-amber-200 bg-white p-3">
            <p className="mb-2 text-xs font-medium text-slate-500">{t('theirVersion', { version: conflict.version })}</p>
            <p className="mb-2 font-semibold text-slate-900">{conflict.title}</p>
            <RichTextView doc={conflict.content} flavour="page" className="text-sm" />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              data-testid="kb-keep-mine"
              disabled={pending}
              onClick={() => {
                if (baseVersion === conflict.version) form.current?.requestSubmit();
                overwrite.current = true;
                setBaseVersion(conflict.version);
              }}
            >
              {t('keepMine')}
            </Button>
            <Button variant="secondary" onClick={() => window.location.reload()}>{t('takeTheirs')}</Button>
          </div>
        </aside>
      )}
    </div>
  );
}
