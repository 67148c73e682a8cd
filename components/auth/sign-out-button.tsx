'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LogOut } from 'lucide-react';
import { signOutRedirectAction } from '@/lib/auth/actions';

export function SignOutButton() {
  const t = useTranslations('auth');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void (async () => {
          // Asked before the session ends: the identity provider's logout needs the session's ID token.
          const idpLogout = await signOutRedirectAction().catch(() => null);
          // Navigate ourselves: next-auth's redirect URL uses NEXTAUTH_URL's host, which may be unset.
          await signOut({ redirect: false });
          if (idpLogout) return window.location.assign(idpLogout);
          router.replace('/sign-in');
          router.refresh();
        })();
      }}
      className="flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-left text-sm text-slate-700 hover:bg-slate-100"
    >
      <LogOut className="size-4" aria-hidden="true" />
      {pending ? t('signingOut') : t('signOut')}
    </button>
  );
}
