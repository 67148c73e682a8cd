'use client';

import { useTranslations } from 'next-intl';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { MEETING_NEXT_MAX } from '@/lib/meetings/rules';

interface MinutesFormProps {
  meetingId: string;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  minutes: unknown;
  nextMeeting: string;
  attendees: { id: string; name: string; absent: boolean }[];
}

/** 会议纪要: the minutes, who was absent, and the next meeting. */
export function MinutesForm({ meetingId, action, minutes, nextMeeting, attendees }: MinutesFormProps) {
  const t = useTranslations('meetings');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="minutes-form">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <RichTextEditor name="minutes" label={t('minutes')} defaultValue={value('minutes') || minutes} errors={errors('minutes')} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('absentees')}</legend>
        <div className="flex flex-wrap gap-x-4">
          {attendees.map((a) => (
            <label key={a.id} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="absentIds" value={a.id} defaultChecked={a.absent} className="size-5 rounded border-slate-300" />
              {a.name}
            </label>
          ))}
        </div>
        {errors('absentIds') && <p className="mt-1 text-sm text-red-700">{errors('absentIds')!.join(' ')}</p>}
      </fieldset>
      <TextField name="nextMeeting" label={t('nextMeeting')} defaultValue={value('nextMeeting', nextMeeting)} maxLength={MEETING_NEXT_MAX} placeholder={t('nextMeetingPlaceholder')} errors={errors('nextMeeting')} />
      <Button type="submit" disabled={pending}>{pending ? common('saving') : t('saveMinutes')}</Button>
    </form>
  );
}
