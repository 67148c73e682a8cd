'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { MEETING_NOTE_MAX } from '@/lib/meetings/rules';

/** Adds a note to the meeting (Ctrl/⌘+Enter sends); cleared once saved, kept when refused. */
export function NoteComposer({ meetingId, action }: { meetingId: string; action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>> }) {
  const t = useTranslations('meetings');
  const { state, onSubmit, pending, form } = useFormAction(action, { resetOnSuccess: true });
  const { errors } = fieldHelpers(state);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-2" data-testid="note-composer">
      {state && !state.ok && <FormMessage state={state} />}
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextareaField
        name="body" label={t('addNote')} rows={2} maxLength={MEETING_NOTE_MAX} placeholder={t('notePlaceholder')} errors={errors('body')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="isDecision" value="true" className="size-5 rounded border-slate-300" />
          {t('markDecision')}
        </label>
        <Button type="submit" disabled={pending}>{t('addNote')}</Button>
      </div>
    </form>
  );
}
