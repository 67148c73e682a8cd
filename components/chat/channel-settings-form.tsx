'use client';

import { useTranslations } from 'next-intl';
import { PeoplePicker } from '@/components/spaces/people-picker';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateChannelAction } from '@/lib/chat/actions';
import { CHANNEL_NAME_MAX, CHANNEL_TOPIC_MAX } from '@/lib/chat/rules';
import type { PersonOption } from '@/lib/org/people';

interface ChannelSettingsFormProps {
  channel: { id: string; name: string; topic: string | null; isPrivate: boolean; memberIds: string[] };
  people: Omit<PersonOption, 'departmentId'>[];
}

/** Renaming a group chat, its topic, and a private chat's members. */
export function ChannelSettingsForm({ channel, people }: ChannelSettingsFormProps) {
  const t = useTranslations('chat');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(updateChannelAction);
  const { errors, value } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="channel-settings-form">
      <FormMessage state={state} />
      <input type="hidden" name="channelId" value={channel.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t('channelName')} defaultValue={value('name', channel.name)} required maxLength={CHANNEL_NAME_MAX} errors={errors('name')} />
        <TextField name="topic" label={t('channelTopic')} defaultValue={value('topic', channel.topic ?? '')} maxLength={CHANNEL_TOPIC_MAX} errors={errors('topic')} />
      </div>
      {channel.isPrivate && <PeoplePicker name="memberIds" label={t('members')} people={people} defaultSelected={channel.memberIds} errors={errors('memberIds')} />}
      <Button type="submit" disabled={pending}>{pending ? common('saving') : t('save')}</Button>
    </form>
  );
}
