'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { DIGEST_AUDIENCES } from '@/lib/notify/rules';

interface DigestScheduleFormProps {
  spaceId: string;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  departments: { id: string; name: string; depth: number }[];
  defaults: { enabled: boolean; timeOfDay: string; daysOfWeek: number[]; timeZone: string; audiences: string[]; departmentIds: string[] };
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const box = 'size-5 rounded border-slate-300';

function FieldErrors({ messages }: { messages?: string[] }) {
  return messages?.map((message) => <p key={message} className="mt-1 text-sm text-red-700">{message}</p>);
}

/** A row of checkboxes sending one value each under `name`. */
function ChoiceGroup({ legend, name, choices, checked, errors }: { legend: string; name: string; choices: { value: string; label: string }[]; checked: readonly string[]; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4">
        {choices.map((choice) => (
          <label key={choice.value} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name={name} value={choice.value} defaultChecked={checked.includes(choice.value)} className={box} />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldErrors messages={errors} />
    </fieldset>
  );
}

/** When the daily digest goes out and to whom; the choices stay as they were when the server refuses. */
export function DigestScheduleForm({ spaceId, action, departments, defaults }: DigestScheduleFormProps) {
  const t = useTranslations('deliverySettings');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="digest-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="enabled" value="true" defaultChecked={defaults.enabled} className={box} />
        {t('enabled')}
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="timeOfDay" type="time" label={t('timeOfDay')} defaultValue={defaults.timeOfDay} required errors={errors('timeOfDay')} />
        <TextField name="timeZone" label={t('timeZone')} defaultValue={defaults.timeZone} errors={errors('timeZone')} />
      </div>
      <ChoiceGroup legend={t('days')} name="daysOfWeek" checked={defaults.daysOfWeek.map(String)} errors={errors('daysOfWeek')}
        choices={DAYS.map((day) => ({ value: String(day), label: t(`day${day}`) }))} />
      <ChoiceGroup legend={t('audiences')} name="audiences" checked={defaults.audiences} errors={errors('audiences')}
        choices={DIGEST_AUDIENCES.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('departments')}</legend>
        <p className="text-xs text-slate-500">{t('departmentsHint')}</p>
        <div className="mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 p-2">
          {departments.map((d) => (
            <label key={d.id} className="flex min-h-9 items-center gap-2 text-sm text-slate-800" style={{ paddingLeft: `${d.depth * 1}rem` }}>
              <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={defaults.departmentIds.includes(d.id)} className={box} />
              {d.name}
            </label>
          ))}
        </div>
        <FieldErrors messages={errors('departmentIds')} />
      </fieldset>
      <Button type="submit" disabled={pending}>{t('save')}</Button>
    </form>
  );
}
