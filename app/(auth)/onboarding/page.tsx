import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ProfileForm } from '@/components/settings/profile-form';
import { requireUser } from '@/lib/auth/session';
import { completeOnboardingAction } from '@/lib/org/actions';
import { flattenDepartmentTree, isOnboardingDue, listDepartmentTree } from '@/lib/org/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('onboarding');
  return { title: t('title') };
}

export default async function OnboardingPage() {
  const user = await requireUser('/onboarding');
  if (!(await isOnboardingDue(user))) redirect('/');
  const [t, tree] = await Promise.all([getTranslations('onboarding'), listDepartmentTree(user.organizationId)]);
  return (
    <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t('intro')}</p>
      <ProfileForm
        action={completeOnboardingAction}
        departments={flattenDepartmentTree(tree)}
        profile={user}
        submitLabel={t('submit')}
      />
      <div className="mt-4 border-t border-slate-100 pt-3">
        <SignOutButton />
      </div>
    </div>
  );
}
