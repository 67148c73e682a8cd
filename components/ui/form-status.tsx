'use client';

import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import { Button } from './button';

/** The form's general outcome: a success note or the error summary above the fields. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  const tone = state.ok ? 'border-green-200 bg-green-50 text-green-800' : 'border-red-200 bg-red-50 text-red-800';
  return (
    <p data-testid={state.ok ? 'form-success' : 'form-error'} role="status" className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {state.message}
    </p>
  );
}

/** A submit button that shows the pending label while its form's action runs. */
export function SubmitButton({ children, pendingLabel, className }: { children: ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** Field errors and the value to show again after a rejected submission. */
export function fieldHelpers(state: ActionState) {
  return {
    errors: (name: string) => (state && !state.ok ? state.fieldErrors[name] : undefined),
    value: (name: string, fallback?: string | null) => (state && !state.ok && name in state.values ? state.values[name] : (fallback ?? '')),
  };
}
