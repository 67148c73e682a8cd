'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { WEBHOOK_KINDS } from '@/lib/notify/rules';

/** Adds a group robot: its platform, a name people recognise, the webhook address and, if set there, the signing secret. */
export function WebhookForm({ spaceId, action }: { spaceId: string; action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>> }) {
  const t = useTranslations('deliverySettings');
  const { state, onSubmit, pending, form } = useFormAction(action, { resetOnSuccess: true });
  const { errors, value } = fieldHelpers(state);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="webhook-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="kind" label={t('kind')} defaultValue={value('kind', 'dingtalk')} errors={errors('kind')}>
          {WEBHOOK_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
        </SelectField>
        <TextField name="name" label={t('robotName')} defaultValue={value('name')} maxLength={60} required errors={errors('name')} />
      </div>
      <TextField name="url" type="url" label={t('url')} defaultValue={value('url')} required errors={errors('url')} placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
      <TextField name="secret" label={t('secret')} autoComplete="off" errors={errors('secret')} />
      <Button type="submit" disabled={pending}>{t('addRobot')}</Button>
    </form>
  );
}
