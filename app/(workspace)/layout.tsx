import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { unreadBySpace } from '@/lib/chat/queries';
import { listNavigationSpaces } from '@/lib/spaces/queries';
import { getDepartment, isOnboardingDue, listFavoriteDepartments } from '@/lib/org/queries';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Nothing else until the first-sign-in profile is complete.
  if (await isOnboardingDue(user)) redirect('/onboarding');
  const [department, favorites, spaces, unread] = await Promise.all([
    user.departmentId ? getDepartment(user.organizationId, user.departmentId) : null,
    listFavoriteDepartments(user.id),
    listNavigationSpaces(user.id),
    unreadBySpace(userActor(user)),
  ]);
  return (
    <AppShell user={user} departmentName={department?.name ?? null} favorites={favorites} spaces={spaces} unread={unread}>
      {children}
    </AppShell>
  );
}
