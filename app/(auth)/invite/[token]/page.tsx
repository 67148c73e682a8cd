import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { acceptInvitationAction } from '@/lib/org/invitation-actions';
import { findOpenInvitation } from '@/lib/org/invitations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invite');
  return { title: t('title') };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, invitation] = await Promise.all([getTranslations('invite'), findOpenInvitation(token)]);
  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      {invitation ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">{t('intro', { name: invitation.user.name, email: invitation.user.email })}</p>
          <AcceptInvitationForm action={acceptInvitationAction} token={token} />
        </>
      ) : (
        <>
          <p data-testid="form-error" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t('invalid')}
          </p>
          <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700">{t('toSignIn')}</Link>
        </>
      )}
    </div>
  );
}
