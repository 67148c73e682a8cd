'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

interface ActionButtonProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  /** Hidden fields the action receives (ids, the new value). */
  fields: Record<string, string>;
  label: string;
  /** Accessible name when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
  /** 'primary' for the one thing the viewer is asked to do (a filled button). */
  tone?: 'default' | 'danger' | 'primary';
  /** Asked before running (for what cannot be undone). */
  confirm?: string;
}

/** One button that runs a server action for a row, with the refusal shown next to it. */
export function ActionButton({ action, fields, label, ariaLabel, tone = 'default', confirm }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const color = { default: 'text-brand-700 hover:bg-brand-50', danger: 'text-red-700 hover:bg-red-50', primary: 'bg-brand-600 text-white hover:bg-brand-700' }[tone];
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="inline-flex flex-col items-end"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={ariaLabel} className={`min-h-9 rounded-md px-3 text-sm font-medium disabled:opacity-50 ${color}`}>
        {label}
      </button>
      {state && !state.ok && (
        <p role="status" data-testid="action-error" className="max-w-48 text-right text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
