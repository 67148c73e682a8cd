import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/shell/avatar';
import { AddMembersForm } from '@/components/spaces/add-members-form';
import { MemberRoleForm } from '@/components/spaces/member-role-form';
import { ActionButton } from '@/components/ui/action-button';
import { avatarUrl } from '@/lib/org/avatar-rules';
import { listPeopleOptions } from '@/lib/org/people';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { addSpaceMembersAction, removeSpaceMemberAction, updateSpaceMemberAction } from '@/lib/spaces/actions';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface MembersPageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: MembersPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('members')} · ${space.name}` };
}

export default async function SpaceMembersPage({ params }: MembersPageProps) {
  const { space, members, allowed, user } = await getSpacePageData((await params).spaceId);
  const t = await getTranslations('spaces');
  const manage = allowed.has('space.manageMembers');
  const [tree, people] = manage ? await Promise.all([listDepartmentTree(user.organizationId), listPeopleOptions(user.organizationId)]) : [[], []];
  return (
    <div className="space-y-6">
      {manage && (
        <details className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <summary className="cursor-pointer font-medium text-slate-900">{t('inviteTitle')}</summary>
          <div className="mt-4">
            <AddMembersForm
              action={addSpaceMembersAction}
              spaceId={space.id}
              departments={flattenDepartmentTree(tree)}
              people={people}
              memberIds={members.map((m) => m.userId)}
            />
          </div>
        </details>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="member-list">
        {members.map((member) => (
          <li key={member.userId} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center" data-testid="member-row">
            <div className="flex min-w-0 flex-1 items-center gap-3">
              <Avatar name={member.name} url={avatarUrl(member.avatarKey)} />
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {member.name}
                  {member.isAdmin && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t('adminBadge')}</span>}
                </p>
                <p className="truncate text-sm text-slate-600">{member.departmentName ?? t('noDepartment')} · {member.email}</p>
              </div>
            </div>
            {manage ? (
              <div className="flex flex-wrap items-start gap-1 sm:justify-end">
                <MemberRoleForm key={member.role} action={updateSpaceMemberAction} spaceId={space.id} userId={member.userId} name={member.name} role={member.role} />
                <ActionButton
                  action={updateSpaceMemberAction}
                  fields={{ spaceId: space.id, userId: member.userId, isAdmin: member.isAdmin ? 'false' : 'true' }}
                  label={member.isAdmin ? t('revokeSpaceAdmin') : t('grantSpaceAdmin')}
                  ariaLabel={t('rowAction', { action: member.isAdmin ? t('revokeSpaceAdmin') : t('grantSpaceAdmin'), name: member.name })}
                />
                <ActionButton
                  action={removeSpaceMemberAction}
                  fields={{ spaceId: space.id, userId: member.userId }}
                  label={t('remove')}
                  ariaLabel={t('rowAction', { action: t('remove'), name: member.name })}
                  tone="danger"
                />
              </div>
            ) : (
              <span className="text-sm text-slate-700">{t(`roles.${member.role}`)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
