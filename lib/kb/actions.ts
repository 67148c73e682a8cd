'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/http/authed-action';
import { resolveRequestLocale } from '@/lib/i18n/locale';
import { formText, isUuid, toArray } from '@/lib/validation';
import { isPageConflict } from './conflict';
import { createPage, deletePage, movePage, promotePage, restorePageVersion, savePage } from './service';
import { createTag, createTagSet, deleteTag, deleteTagSet, renameTagSet, updateTag } from './tags';

// Form actions of the knowledge base; every service checks the actor's right where the page lives.

/** Where a page is shown: under its space, or in the organisation's knowledge base. */
const pagePath = (page: { id: string; spaceId: string | null }) => (page.spaceId ? `/spaces/${page.spaceId}/kb/${page.id}` : `/kb/${page.id}`);
const listPath = (spaceId: string | null) => (spaceId ? `/spaces/${spaceId}/kb` : '/kb');
const spaceOf = (input: Record<string, unknown>) => (isUuid(input.spaceId) ? input.spaceId : null);

export const createPageAction = authedAction(async (actor, input): Promise<void> => {
  const page = await createPage(actor, spaceOf(input), {
    title: formText(input.title), template: input.template, parentId: input.parentId, tagIds: toArray(input.tagIds),
  }, await resolveRequestLocale());
  redirect(`${pagePath(page)}?edit=1`);
});

/** What the editor hears back: the saved version, or the version someone saved meanwhile (to merge). */
export type SavePageResult =
  | { saved: true; version: number }
  | { saved: false; current: { version: number; title: string; content: unknown; updatedByName: string | null } };

export const savePageAction = authedAction(async (actor, input): Promise<SavePageResult> => {
  try {
    // Unticked boxes send nothing: no tag ticked means none.
    const page = await savePage(actor, formText(input.pageId), { title: input.title, content: input.content, baseVersion: input.baseVersion, tagIds: toArray(input.tagIds) });
    return { saved: true, version: page.version };
  } catch (error) {
    if (!isPageConflict(error)) throw error;
    const { version, title, content, updatedByName } = error.current;
    return { saved: false, current: { version, title, content, updatedByName } };
  }
}, { revalidate: '/' });

export const movePageAction = authedAction(async (actor, input): Promise<void> => {
  await movePage(actor, formText(input.pageId), { parentId: input.parentId });
}, { revalidate: '/' });

export const deletePageAction = authedAction(async (actor, input): Promise<void> => {
  await deletePage(actor, formText(input.pageId));
  redirect(listPath(spaceOf(input)));
});

export const restoreVersionAction = authedAction(async (actor, input): Promise<void> => {
  const page = await restorePageVersion(actor, formText(input.pageId), { version: input.version });
  redirect(pagePath(page));
});

export const promotePageAction = authedAction(async (actor, input): Promise<void> => {
  const page = await promotePage(actor, formText(input.pageId));
  redirect(pagePath(page));
});

// ── Tag sets (organisation admins) ──────────────────────────────────────────────────────────
const tagsDone = { revalidate: '/admin/kb-tags' } as const;

export const createTagSetAction = authedAction(async (actor, input, user): Promise<void> => {
  await createTagSet(actor, user.organizationId, { name: input.name });
}, tagsDone);

export const renameTagSetAction = authedAction(async (actor, input, user): Promise<void> => {
  await renameTagSet(actor, user.organizationId, formText(input.tagSetId), { name: input.name });
}, tagsDone);

export const deleteTagSetAction = authedAction(async (actor, input, user): Promise<void> => {
  await deleteTagSet(actor, user.organizationId, formText(input.tagSetId));
}, tagsDone);

export const createTagAction = authedAction(async (actor, input, user): Promise<void> => {
  await createTag(actor, user.organizationId, { tagSetId: input.tagSetId, name: input.name, color: input.color });
}, tagsDone);

export const updateTagAction = authedAction(async (actor, input, user): Promise<void> => {
  await updateTag(actor, user.organizationId, formText(input.tagId), { name: input.name, color: input.color });
}, tagsDone);

export const deleteTagAction = authedAction(async (actor, input, user): Promise<void> => {
  await deleteTag(actor, user.organizationId, formText(input.tagId));
}, tagsDone);
