import { planCounts, type DepartmentRef, type PlanCounts, type PlanSkip, type SyncPlan } from './plan';
import type { DirectorySnapshot } from './snapshot';

/** One line of the diff an admin reviews: what, and each field from → to (names, not ids). */
export interface ReportLine {
  kind: 'department' | 'person';
  record: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

/** What a run stores in `directory_sync_runs.report` and the admin page shows. */
export interface SyncReport {
  counts: PlanCounts;
  created: ReportLine[];
  changed: ReportLine[];
  deactivated: ReportLine[];
  reactivated: ReportLine[];
  skipped: PlanSkip[];
  warnings: PlanSkip[];
  /** Lines beyond the cap are counted, not listed. */
  truncated: boolean;
  /** A previewed upload keeps what it read, so "apply" imports exactly what was reviewed. */
  snapshot?: DirectorySnapshot;
}

const LINES_MAX = 500;

/** Turns a plan into the report: department and user ids become names people recognise. */
export function describePlan(plan: SyncPlan, names: { departments: Map<string, string>; users: Map<string, string> }): SyncReport {
  const planned = new Map(plan.departments.create.map((d) => [d.externalId, d.name]));
  const department = (ref: DepartmentRef | string | null) => {
    if (ref === null) return null;
    if (typeof ref === 'string') return names.departments.get(ref) ?? ref;
    return 'id' in ref ? names.departments.get(ref.id) ?? ref.id : planned.get(ref.externalId) ?? ref.externalId;
  };
  const user = (id: string, fallback: string) => names.users.get(id) ?? fallback;
  const created: ReportLine[] = [
    ...plan.departments.create.map((d): ReportLine => ({ kind: 'department', record: d.name, changes: [{ field: 'parent', from: null, to: department(d.parent) }] })),
    ...plan.people.create.map((p): ReportLine => ({
      kind: 'person', record: `${p.fields.name} <${p.fields.email}>`,
      changes: [{ field: 'department', from: null, to: department(p.department) }, ...(p.fields.employeeId ? [{ field: 'employeeId', from: null, to: p.fields.employeeId }] : [])],
    })),
  ];
  const changed: ReportLine[] = [
    ...plan.departments.update.filter((d) => d.name || d.parent).map((d): ReportLine => ({
      kind: 'department', record: d.name?.from ?? department(d.departmentId) ?? d.externalId,
      changes: [
        ...(d.name ? [{ field: 'name', from: d.name.from, to: d.name.to }] : []),
        ...(d.parent ? [{ field: 'parent', from: department(d.parent.from), to: department(d.parent.to) }] : []),
      ],
    })),
    ...plan.people.update.filter((p) => Object.keys(p.changes).length || p.department).map((p): ReportLine => ({
      kind: 'person', record: user(p.userId, p.externalId),
      changes: [
        ...Object.entries(p.changes).map(([field, c]) => ({ field, from: c.from, to: c.to })),
        ...(p.department ? [{ field: 'department', from: department(p.department.from), to: department(p.department.to) }] : []),
      ],
    })),
  ];
  const deactivated = plan.people.deactivate.map((d): ReportLine => ({ kind: 'person', record: d.name, changes: [{ field: 'reason', from: null, to: d.reason }] }));
  const reactivated = plan.people.update.filter((p) => p.active === true).map((p): ReportLine => ({ kind: 'person', record: user(p.userId, p.externalId), changes: [] }));
  const lists = { created, changed, deactivated, reactivated, skipped: plan.skipped, warnings: plan.warnings };
  const truncated = Object.values(lists).some((list) => list.length > LINES_MAX);
  return {
    counts: planCounts(plan),
    created: created.slice(0, LINES_MAX), changed: changed.slice(0, LINES_MAX), deactivated: deactivated.slice(0, LINES_MAX),
    reactivated: reactivated.slice(0, LINES_MAX), skipped: plan.skipped.slice(0, LINES_MAX), warnings: plan.warnings.slice(0, LINES_MAX),
    truncated,
  };
}
