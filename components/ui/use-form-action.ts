'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

/**
 * Runs a server action from a form's submit event instead of its `action=` attribute. React resets
 * a form after an `action=` submission; forms with ticked lists and pickers keep what the user
 * chose this way when the server refuses.
 */
export function useFormAction<T>(action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>) {
  const [state, formAction, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return { state, onSubmit, pending };
}
