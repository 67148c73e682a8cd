'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PeoplePicker } from '@/components/spaces/people-picker';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { createChannelAction } from '@/lib/chat/actions';
import { CHANNEL_NAME_MAX, CHANNEL_TOPIC_MAX } from '@/lib/chat/rules';
import type { PersonOption } from '@/lib/org/people';

interface ChannelFormProps {
  spaceId: string;
  departments: { id: string; name: string }[];
  people: Omit<PersonOption, 'departmentId'>[];
}

/** A new group chat: by topic or department, public to the space or private to chosen members. */
export function ChannelForm({ spaceId, departments, people }: ChannelFormProps) {
  const t = useTranslations('chat');
  const { state, onSubmit, pending } = useFormAction(createChannelAction);
  const { errors, value } = fieldHelpers(state);
  const [kind, setKind] = useState(value('kind', 'topic'));
  const [isPrivate, setPrivate] = useState(value('isPrivate', '') === 'on');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="channel-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t('channelName')} placeholder={t('channelNamePlaceholder')} defaultValue={value('name', '')} required maxLength={CHANNEL_NAME_MAX} errors={errors('name')} />
        <TextField name="topic" label={t('channelTopic')} defaultValue={value('topic', '')} maxLength={CHANNEL_TOPIC_MAX} errors={errors('topic')} />
        <SelectField name="kind" label={t('channelKind')} value={kind} onChange={(event) => setKind(event.target.value)} errors={errors('kind')}>
          <option value="topic">{t('kindTopic')}</option>
          <option value="department">{t('kindDepartment')}</option>
        </SelectField>
        {kind === 'department' && (
          <SelectField name="departmentId" label={t('department')} defaultValue={value('departmentId', '')} errors={errors('departmentId')}>
            <option value="">{t('chooseDepartment')}</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </SelectField>
        )}
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="isPrivate" checked={isPrivate} onChange={(event) => setPrivate(event.target.checked)} className="size-4" />
        {t('isPrivate')}
      </label>
      {isPrivate && <PeoplePicker name="memberIds" label={t('members')} people={people} errors={errors('memberIds')} />}
      <Button type="submit" disabled={pending}>{pending ? t('creating') : t('create')}</Button>
    </form>
  );
}
