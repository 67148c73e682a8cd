import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/shell/avatar';
import { avatarUrl } from '@/lib/org/avatar-rules';
import type { SpaceMemberView } from '@/lib/spaces/queries';

/** Members grouped by their department, each with their role and the admin mark. */
export async function SpaceMembersByDepartment({ members }: { members: SpaceMemberView[] }) {
  const t = await getTranslations('spaces');
  const groups = new Map<string, SpaceMemberView[]>();
  for (const member of members) {
    const key = member.departmentName ?? t('noDepartment');
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  return (
    <div className="mt-2 space-y-3" data-testid="members-by-department">
      {[...groups].map(([department, people]) => (
        <div key={department}>
          <h3 className="text-xs font-semibold text-slate-500">{department}</h3>
          <ul className="mt-1 space-y-1">
            {people.map((m) => (
              <li key={m.userId} className="flex items-center gap-2 text-sm">
                <Avatar name={m.name} url={avatarUrl(m.avatarKey)} size="size-6" />
                <span className="text-slate-900">{m.name}</span>
                <span className="text-slate-500">{t(`roles.${m.role}`)}</span>
                {m.isAdmin && <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-700">{t('adminBadge')}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
