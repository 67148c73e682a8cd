'use client';

import type { ReactNode } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';

interface InlineFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  fields?: Record<string, string>;
  /** The visible controls (inputs, selects, the submit button). */
  children: ReactNode;
  label: string;
  /** Empty the inputs once saved (adding one thing after another). */
  resetOnSuccess?: boolean;
}

/** A one-line form (a name and a button) that shows its refusal underneath. */
export function InlineForm({ action, fields = {}, children, label, resetOnSuccess = false }: InlineFormProps) {
  const { state, onSubmit, form } = useFormAction(action, { resetOnSuccess });
  const problems = state && !state.ok ? [state.message, ...Object.values(state.fieldErrors).flat()].filter((m, i, all) => all.indexOf(m) === i) : [];
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label={label} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <div className="flex flex-wrap items-end gap-2">{children}</div>
      {problems.length > 0 && <p role="status" data-testid="form-error" className="text-sm text-red-700">{problems.join(' ')}</p>}
    </form>
  );
}
