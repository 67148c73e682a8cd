'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '@/lib/feed/rules';
import type { ActionState } from '@/lib/http/authed-action';

/** Posts an announcement (leads); the form empties once it is posted and keeps the text when refused. */
export function AnnouncementForm({ spaceId, action }: { spaceId: string; action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>> }) {
  const t = useTranslations('feed');
  const { state, onSubmit, pending, form } = useFormAction(action, { resetOnSuccess: true });
  const { errors, value } = fieldHelpers(state);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="announcement-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField name="title" label={t('announcementTitle')} maxLength={ANNOUNCEMENT_TITLE_MAX} required defaultValue={value('title')} errors={errors('title')} />
      <TextareaField name="body" label={t('announcementBody')} rows={3} maxLength={ANNOUNCEMENT_BODY_MAX} required defaultValue={value('body')} errors={errors('body')} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="pinned" value="true" className="size-5 rounded border-slate-300" />
          {t('pinIt')}
        </label>
        <Button type="submit" disabled={pending}>{t('postAnnouncement')}</Button>
      </div>
      {errors('pinned') && <p className="text-sm text-red-700">{errors('pinned')!.join(' ')}</p>}
    </form>
  );
}
