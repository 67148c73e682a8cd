'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { KB_TEMPLATE_KEYS, KB_TITLE_MAX } from '@/lib/kb/rules';

interface CreatePageFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  spaceId: string | null;
  parents: { id: string; title: string }[];
}

/** 新建页面: a title, blank or from a template (会议纪要, SOP, FAQ), optionally under another page. */
export function CreatePageForm({ action, spaceId, parents }: CreatePageFormProps) {
  const t = useTranslations('kb');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="kb-create">
      <h2 className="text-base font-semibold text-slate-900">{t('newPage')}</h2>
      <FormMessage state={state} />
      {spaceId && <input type="hidden" name="spaceId" value={spaceId} />}
      <TextField name="title" label={t('pageTitle')} required maxLength={KB_TITLE_MAX} defaultValue={value('title')} errors={errors('title')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="template" label={t('template')} defaultValue={value('template')} errors={errors('template')}>
          <option value="">{t('blank')}</option>
          {KB_TEMPLATE_KEYS.map((key) => <option key={key} value={key}>{t(`templates.${key}`)}</option>)}
        </SelectField>
        <SelectField name="parentId" label={t('parent')} defaultValue={value('parentId')} errors={errors('parentId')}>
          <option value="">{t('topLevel')}</option>
          {parents.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </SelectField>
      </div>
      <Button type="submit" disabled={pending}>{t('create')}</Button>
    </form>
  );
}
