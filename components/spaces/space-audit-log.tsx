import { getFormatter, getTranslations } from 'next-intl/server';

interface AuditRow {
  id: string;
  action: string;
  targetId: string | null;
  data: unknown;
  createdAt: Date;
  actorName: string | null;
}

const FIELDS = ['name', 'goal', 'description', 'coverColor', 'startDate', 'endDate', 'status', 'departmentIds', 'userIds', 'role', 'isAdmin'] as const;
type Field = (typeof FIELDS)[number];

/** A space's audit log: who changed what and when, with before and after in words. */
export async function SpaceAuditLog({ rows, names }: { rows: AuditRow[]; names: Map<string, string> }) {
  const [t, format] = await Promise.all([getTranslations('spaces'), getFormatter()]);

  function show(field: Field, value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.map((id) => names.get(String(id)) ?? t('unknownName')).join('、');
    if (field === 'role') return t(`roles.${value as 'owner'}`);
    if (field === 'status') return value === 'archived' ? t('statusArchived') : t('statusActive');
    if (field === 'coverColor') return t(`colors.${value as 'blue'}`);
    if (field === 'isAdmin') return value ? t('yes') : t('no');
    return String(value);
  }

  // Creation lists every setting; only later changes are worth their before and after.
  function changesOf(row: AuditRow) {
    if (row.action === 'space.create') return [];
    const { before = {}, after = {} } = (row.data ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
    return FIELDS.filter((field) => field in before || field in after)
      .map((field) => ({ field, before: show(field, before[field]), after: show(field, after[field]) }))
      .filter((change) => change.before !== change.after);
  }

  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="space-audit">
      {rows.map((row) => (
        <li key={row.id} className="px-4 py-3 text-sm">
          <p className="text-slate-900">
            <span className="font-medium">{row.actorName ?? t('system')}</span> · {t(`auditActions.${row.action.replaceAll('.', '_')}` as 'auditActions.space_create')}
            {row.targetId && row.action.startsWith('space.member.') && <> · {names.get(row.targetId) ?? t('unknownName')}</>}
          </p>
          <p className="text-xs text-slate-500">{format.dateTime(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
            {changesOf(row).map((change) => (
              <li key={change.field} className="break-words">
                {t(`fields.${change.field}`)}：{change.before === '—' ? change.after : t('changedFromTo', { before: change.before, after: change.after })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
