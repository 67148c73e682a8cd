'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { DepartmentChecklist } from '@/components/spaces/department-checklist';
import { PeoplePicker } from '@/components/spaces/people-picker';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { AGENDA_MINUTES_MAX, AGENDA_TITLE_MAX, MEETING_AGENDA_MAX, MEETING_RECURRENCES, MEETING_TOPIC_MAX } from '@/lib/meetings/rules';
import type { PersonOption } from '@/lib/org/people';
import type { DepartmentOption } from '@/lib/org/queries';

export interface AgendaRow { id?: string; title: string; ownerId: string; minutes: number }

export interface MeetingFormDefaults {
  topic: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  onlineUrl: string;
  recurrence: string;
  departmentIds: string[];
  attendeeIds: string[];
  agenda: AgendaRow[];
}

interface MeetingFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  spaceId: string;
  meetingId?: string;
  members: PersonOption[];
  departments: DepartmentOption[];
  defaults: MeetingFormDefaults;
  submitLabel: string;
}

/** Schedules a meeting or changes one: when, where, who, and the agenda (ordered, owner, time box). */
export function MeetingForm({ action, spaceId, meetingId, members, departments, defaults, submitLabel }: MeetingFormProps) {
  const t = useTranslations('meetings');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  const [agenda, setAgenda] = useState<AgendaRow[]>(defaults.agenda);
  const setRow = (index: number, patch: Partial<AgendaRow>) => setAgenda((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const agendaErrors = (index: number, field: string) => errors(`agenda.${index}.${field}`);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="meeting-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      {meetingId && <input type="hidden" name="meetingId" value={meetingId} />}
      <input type="hidden" name="timeZone" value={defaults.timeZone} />
      <input type="hidden" name="agenda" value={JSON.stringify(agenda.map((row) => ({ ...row, ownerId: row.ownerId || null })))} />
      <TextField name="topic" label={t('topic')} defaultValue={value('topic', defaults.topic)} required maxLength={MEETING_TOPIC_MAX} placeholder={t('topicPlaceholder')} errors={errors('topic')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="startsAt" type="datetime-local" label={t('startsAt')} defaultValue={value('startsAt', defaults.startsAt)} required errors={errors('startsAt')} />
        <TextField name="endsAt" type="datetime-local" label={t('endsAt')} defaultValue={value('endsAt', defaults.endsAt)} required errors={errors('endsAt') ?? errors('durationMinutes')} />
        <SelectField name="recurrence" label={t('recurrence')} defaultValue={value('recurrence', defaults.recurrence)} errors={errors('recurrence')}>
          {MEETING_RECURRENCES.map((r) => <option key={r} value={r}>{t(`recurrences.${r}`)}</option>)}
        </SelectField>
      </div>
      <p className="-mt-3 text-xs text-slate-500">{t('timeZoneNote', { zone: defaults.timeZone })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="place" label={t('place')} defaultValue={value('place', defaults.place)} placeholder={t('placePlaceholder')} errors={errors('place')} />
        <TextField name="onlineUrl" type="url" inputMode="url" label={t('onlineUrl')} defaultValue={value('onlineUrl', defaults.onlineUrl)} placeholder="https://" errors={errors('onlineUrl')} />
      </div>
      <PeoplePicker name="attendeeIds" label={t('attendees')} people={members} defaultSelected={defaults.attendeeIds} errors={errors('attendeeIds')} />
      {departments.length > 0 && <DepartmentChecklist name="departmentIds" legend={t('departments')} departments={departments} defaultSelected={defaults.departmentIds} errors={errors('departmentIds')} />}
      <fieldset className="space-y-3" data-testid="agenda-editor">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('agenda')}</legend>
        {errors('agenda') && <p className="text-sm text-red-700">{errors('agenda')!.join(' ')}</p>}
        {agenda.map((row, index) => (
          <div key={row.id ?? `new-${index}`} className="grid grid-cols-[1fr_auto] gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_7rem_auto]">
            <TextField name={`agendaTitle${index}`} label={`${t('agendaItem')} ${index + 1}`} value={row.title} maxLength={AGENDA_TITLE_MAX} onChange={(e) => setRow(index, { title: e.target.value })} errors={agendaErrors(index, 'title')} className="col-span-2 sm:col-span-1" />
            <SelectField name={`agendaOwner${index}`} label={t('agendaOwner')} value={row.ownerId} onChange={(e) => setRow(index, { ownerId: e.target.value })} errors={agendaErrors(index, 'ownerId')}>
              <option value="">{t('noOwner')}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </SelectField>
            <TextField name={`agendaMinutes${index}`} type="number" min={1} max={AGENDA_MINUTES_MAX} inputMode="numeric" label={t('agendaMinutes')} value={String(row.minutes)} onChange={(e) => setRow(index, { minutes: Number(e.target.value) })} errors={agendaErrors(index, 'minutes')} />
            <button type="button" onClick={() => setAgenda((rows) => rows.filter((_, i) => i !== index))} aria-label={t('removeAgendaItem', { n: index + 1 })} className="self-end rounded-md p-2.5 text-slate-500 hover:bg-red-50 hover:text-red-700">
              <Trash2 className="size-5" aria-hidden="true" />
            </button>
          </div>
        ))}
        {agenda.length < MEETING_AGENDA_MAX && (
          <Button variant="secondary" onClick={() => setAgenda((rows) => [...rows, { title: '', ownerId: '', minutes: 10 }])}>
            <Plus className="size-4" aria-hidden="true" />
            {t('addAgendaItem')}
          </Button>
        )}
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? common('saving') : submitLabel}</Button>
    </form>
  );
}
