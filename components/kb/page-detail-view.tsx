import { ArrowUpRight, History, Pencil } from 'lucide-react';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CommentThread } from '@/components/comments/comment-thread';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { ActionButton } from '@/components/ui/action-button';
import { getCommentThreadData } from '@/lib/comments/page-data';
import { deletePageAction, movePageAction, promotePageAction, savePageAction } from '@/lib/kb/actions';
import type { getKbPageData } from '@/lib/kb/page-data';
import { listTagSets } from '@/lib/kb/tags';
import { userActor } from '@/lib/auth/actor';
import { InlineForm } from './inline-form';
import { PageEditor } from './page-editor';
import { PageTree } from './page-tree';
import { TagBadge } from './tag-badge';
import type { PageListItem } from '@/lib/kb/queries';
import { pageWithDescendants } from '@/lib/kb/tree';

type PageData = Awaited<ReturnType<typeof getKbPageData>>;

/** A knowledge page: its text with tags and who saved it last, or (edit mode) the editor; comments on space pages. */
export async function PageDetailView({ data, editing, tree }: { data: PageData; editing: boolean; tree: PageListItem[] }) {
  const { user, view, base, timeZone } = data;
  const { page, rights } = view;
  const [t, format] = await Promise.all([getTranslations('kb'), getFormatter()]);
  const href = `${base}/${page.id}`;
  const fields = { pageId: page.id, ...(page.spaceId ? { spaceId: page.spaceId } : {}) };
  // Where the page may go: anywhere but under itself or its own sub-pages.
  const below = pageWithDescendants(tree, page.id);
  const targets = tree.filter((p) => !below.has(p.id));
  const thread = page.spaceId ? await getCommentThreadData(user, page.spaceId, { type: 'kbPage', id: page.id }) : null;
  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
      {page.spaceId && !editing && <RefreshOnEvents types={['kb.changed', 'comment.changed']} viewerId={user.id} />}
      <aside className="order-2 hidden self-start rounded-lg border border-slate-200 bg-white p-2 lg:order-1 lg:block">
        <PageTree pages={tree} base={base} currentId={page.id} label={t('tree')} />
      </aside>
      <article className="order-1 min-w-0 space-y-4 lg:order-2">
        <header className="space-y-2">
          <h2 className="text-xl font-semibold break-words text-slate-900" data-testid="kb-page-title">{page.title}</h2>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {view.tags.map((tag) => <TagBadge key={tag.id} tag={tag} />)}
            <span data-testid="kb-page-version">{t('version', { version: page.version })}</span>
            <span>{t('updated', { name: view.updatedByName ?? '—', time: format.dateTime(page.updatedAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' }) })}</span>
          </div>
          {view.promotedFrom && (
            <p className="text-sm text-slate-600">
              {t('promotedFrom')} · <Link href={`/spaces/${view.promotedFrom.spaceId}/kb/${view.promotedFrom.id}`} className="text-brand-700 hover:underline">{t('viewSource')}</Link>
            </p>
          )}
          {!editing && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              {rights.edit && (
                <Link href={`${href}?edit=1`} className="inline-flex min-h-9 items-center gap-1 rounded-md bg-brand-600 px-3 font-medium text-white hover:bg-brand-700" data-testid="kb-edit">
                  <Pencil className="size-4" aria-hidden="true" />{t('edit')}
                </Link>
              )}
              <Link href={`${href}/history`} className="inline-flex min-h-9 items-center gap-1 rounded-md px-3 text-brand-700 hover:bg-brand-50">
                <History className="size-4" aria-hidden="true" />{t('history')}
              </Link>
              {rights.promote && (
                <span className="inline-flex items-center gap-1"><ArrowUpRight className="size-4 text-brand-700" aria-hidden="true" />
                  <ActionButton action={promotePageAction} fields={fields} label={t('promote')} confirm={t('promoteConfirm')} />
                </span>
              )}
              {rights.edit && (
                <InlineForm action={movePageAction} fields={{ pageId: page.id }} label={t('move')}>
                  <select name="parentId" defaultValue={page.parentId ?? ''} aria-label={t('parent')} className="min-h-9 max-w-48 rounded-md border border-slate-300 bg-white px-2 text-sm">
                    <option value="">{t('topLevel')}</option>
                    {targets.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
                  </select>
                  <button type="submit" className="min-h-9 rounded-md px-3 text-brand-700 hover:bg-brand-50">{t('move')}</button>
                </InlineForm>
              )}
              {rights.edit && <span className="ml-auto"><ActionButton action={deletePageAction} fields={fields} label={t('delete')} tone="danger" confirm={t('deleteConfirm')} /></span>}
            </div>
          )}
        </header>
        {editing && rights.edit ? (
          <PageEditor
            action={savePageAction}
            page={{ id: page.id, title: page.title, content: page.content, version: page.version }}
            tagIds={view.tags.map((tag) => tag.id)}
            tagSets={await listTagSets(userActor(user), user.organizationId)}
            viewHref={href}
            imageUploadUrl={page.spaceId ? `/api/v1/spaces/${page.spaceId}/files` : undefined}
          />
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="kb-page-content">
            <RichTextView doc={page.content} flavour="page" className="text-base text-slate-800" />
          </div>
        )}
        {thread && !editing && <CommentThread target={{ type: 'kbPage', id: page.id }} viewerId={user.id} {...thread} />}
      </article>
    </div>
  );
}
