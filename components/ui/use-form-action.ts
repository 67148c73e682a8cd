'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

/**
 * Runs a server action from a form's submit event instead of its `action=` attribute. React resets
 * a form after an `action=` submission; forms with ticked lists and pickers keep what the user
 * chose this way when the server refuses. Forms that add one thing after another (a note, an
 * item) pass `resetOnSuccess` and put `form` on the element: they empty once saved.
 */
export function useFormAction<T>(action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false } = options;
  useEffect(() => {
    if (resetOnSuccess && state?.ok) form.current?.reset();
  }, [state, resetOnSuccess]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return { state, onSubmit, pending, form };
}
