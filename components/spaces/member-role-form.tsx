'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import { SPACE_ROLES } from '@/lib/spaces/rules';

interface MemberRoleFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  spaceId: string;
  userId: string;
  name: string;
  role: string;
}

/** A member's role as a select that saves when changed. */
export function MemberRoleForm({ action, spaceId, userId, name, role }: MemberRoleFormProps) {
  const t = useTranslations('spaces');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        defaultValue={role}
        disabled={pending}
        aria-label={t('roleOf', { name })}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {SPACE_ROLES.map((value) => (
          <option key={value} value={value}>{t(`roles.${value}`)}</option>
        ))}
      </select>
      {state && !state.ok && <p role="status" data-testid="action-error" className="text-xs text-red-700">{state.message}</p>}
    </form>
  );
}
