import { Tags } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InlineForm } from '@/components/kb/inline-form';
import { TagBadge } from '@/components/kb/tag-badge';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { requireOrgAdmin } from '@/lib/auth/session';
import { createTagAction, createTagSetAction, deleteTagAction, deleteTagSetAction, renameTagSetAction, updateTagAction } from '@/lib/kb/actions';
import { KB_TAG_COLORS, KB_TAG_NAME_MAX } from '@/lib/kb/rules';
import { listTagSets } from '@/lib/kb/tags';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kbTags'))('title') };
}

const input = 'min-h-10 rounded-md border border-slate-300 px-3 text-base shadow-sm focus:border-brand-600 focus:outline-none';
const submit = 'min-h-10 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50';

/** 知识库标签: the organisation's tag sets and their tags, the only ones pages may carry. */
export default async function AdminKbTagsPage() {
  const user = await requireOrgAdmin('/admin/kb-tags');
  const [t, sets] = await Promise.all([getTranslations('kbTags'), listTagSets(userActor(user), user.organizationId)]);
  const colorSelect = (selected: string) => (
    <select name="color" defaultValue={selected} aria-label={t('color')} className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-base">
      {KB_TAG_COLORS.map((color) => <option key={color} value={color}>{t(`colors.${color}`)}</option>)}
    </select>
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <InlineForm action={createTagSetAction} label={t('newSet')} resetOnSuccess>
          <label className="flex flex-col text-sm font-medium text-slate-700">{t('newSet')}
            <input name="name" required maxLength={KB_TAG_NAME_MAX} placeholder={t('setName')} className={`${input} mt-1 font-normal`} />
          </label>
          <button type="submit" className={submit}>{t('add')}</button>
        </InlineForm>
      </section>
      {sets.length === 0 && <EmptyState icon={<Tags className="size-8" aria-hidden="true" />} title={t('empty')}>{t('emptyHint')}</EmptyState>}
      {sets.map((set) => (
        <section key={set.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={set.name} data-testid="kb-tag-set">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <InlineForm action={renameTagSetAction} fields={{ tagSetId: set.id }} label={t('rename')}>
              <input name="name" defaultValue={set.name} required maxLength={KB_TAG_NAME_MAX} aria-label={t('setName')} className={`${input} font-semibold`} />
              <button type="submit" className={submit}>{t('rename')}</button>
            </InlineForm>
            <ActionButton action={deleteTagSetAction} fields={{ tagSetId: set.id }} label={t('delete')} tone="danger" confirm={t('deleteSetConfirm')} />
          </div>
          {set.tags.length === 0 && <p className="text-sm text-slate-500">{t('noTags')}</p>}
          <ul className="space-y-2">
            {set.tags.map((tag) => (
              <li key={tag.id} className="flex flex-wrap items-end gap-2">
                <InlineForm action={updateTagAction} fields={{ tagId: tag.id }} label={tag.name}>
                  <input name="name" defaultValue={tag.name} required maxLength={KB_TAG_NAME_MAX} aria-label={t('tagName')} className={input} />
                  {colorSelect(tag.color)}
                  <button type="submit" className={submit}>{t('save')}</button>
                </InlineForm>
                <TagBadge tag={tag} />
                <ActionButton action={deleteTagAction} fields={{ tagId: tag.id }} label={t('delete')} tone="danger" confirm={t('deleteTagConfirm')} ariaLabel={`${t('delete')} ${tag.name}`} />
              </li>
            ))}
          </ul>
          <InlineForm action={createTagAction} fields={{ tagSetId: set.id }} label={t('newTag')} resetOnSuccess>
            <input name="name" required maxLength={KB_TAG_NAME_MAX} placeholder={t('newTag')} aria-label={t('tagName')} className={input} />
            {colorSelect('slate')}
            <button type="submit" className={submit}>{t('add')}</button>
          </InlineForm>
        </section>
      ))}
    </div>
  );
}
