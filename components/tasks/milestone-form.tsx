'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { saveMilestoneAction } from '@/lib/tasks/milestone-actions';
import { RISK_LEVELS, TASK_NAME_MAX, TASK_TEXT_MAX } from '@/lib/tasks/rules';

export interface MilestoneFormDefaults {
  phase: string;
  name: string;
  plannedDate: string;
  actualDate: string;
  ownerId: string;
  delayReason: string;
  riskOverride: string;
}

interface MilestoneFormProps {
  spaceId: string;
  milestoneId?: string;
  members: { id: string; name: string }[];
  defaults: MilestoneFormDefaults;
}

/** A row of the project progress table: add one, or edit one in place. */
export function MilestoneForm({ spaceId, milestoneId, members, defaults }: MilestoneFormProps) {
  const t = useTranslations('progress');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(saveMilestoneAction);
  const { errors, value } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="milestone-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      {milestoneId && <input type="hidden" name="milestoneId" value={milestoneId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="phase" label={t('phase')} defaultValue={value('phase', defaults.phase)} maxLength={60} placeholder={t('phasePlaceholder')} errors={errors('phase')} />
        <TextField name="name" label={t('name')} defaultValue={value('name', defaults.name)} required maxLength={TASK_NAME_MAX} placeholder={t('namePlaceholder')} errors={errors('name')} />
        <TextField name="plannedDate" type="date" label={t('plannedDate')} defaultValue={value('plannedDate', defaults.plannedDate)} required errors={errors('plannedDate')} />
        <TextField name="actualDate" type="date" label={t('actualDate')} defaultValue={value('actualDate', defaults.actualDate)} errors={errors('actualDate')} />
        <SelectField name="ownerId" label={t('owner')} defaultValue={value('ownerId', defaults.ownerId)} errors={errors('ownerId')}>
          <option value="">{t('noOwner')}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </SelectField>
        <SelectField name="riskOverride" label={t('riskOverride')} defaultValue={value('riskOverride', defaults.riskOverride)} errors={errors('riskOverride')}>
          <option value="">{t('riskAuto')}</option>
          {RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`risks.${r}`)}</option>)}
        </SelectField>
      </div>
      <TextareaField name="delayReason" label={t('delayReason')} defaultValue={value('delayReason', defaults.delayReason)} maxLength={TASK_TEXT_MAX} rows={2} errors={errors('delayReason')} />
      <Button type="submit" disabled={pending}>{pending ? common('saving') : milestoneId ? common('save') : t('add')}</Button>
    </form>
  );
}
