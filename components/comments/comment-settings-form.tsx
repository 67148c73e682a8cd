'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from '@/lib/comments/rules';
import type { ActionState } from '@/lib/http/authed-action';

interface CommentSettingsFormProps {
  spaceId: string;
  defaults: { responseHours: number; workingHoursOnly: boolean };
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
}

/** How long a comment may wait for an answer in this space (space admins), with field errors. */
export function CommentSettingsForm({ spaceId, defaults, action }: CommentSettingsFormProps) {
  const t = useTranslations('commentSettings');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="comment-settings-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField
        name="responseHours" label={t('responseHours')} type="number" inputMode="numeric" min={RESPONSE_HOURS_MIN} max={RESPONSE_HOURS_MAX}
        defaultValue={value('responseHours', String(defaults.responseHours))} errors={errors('responseHours')} className="max-w-48"
      />
      <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="workingHoursOnly" value="true" defaultChecked={defaults.workingHoursOnly} className="size-5 rounded border-slate-300" />
        {t('workingHoursOnly')}
      </label>
      <Button type="submit" disabled={pending}>{t('save')}</Button>
    </form>
  );
}
