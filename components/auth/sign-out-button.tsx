'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LogOut } from 'lucide-react';

export function SignOutButton() {
  const t = useTranslations('auth');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className="flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-left text-sm text-slate-700 hover:bg-slate-100"
    >
      <LogOut className="size-4" aria-hidden="true" />
      {pending ? t('signingOut') : t('signOut')}
    </button>
  );
}
