import { createHash } from 'node:crypto';
import { createUserSchema } from '@/lib/org/schema';
import type { DirectoryDepartment, DirectoryPerson, DirectorySnapshot, SkippedRecord } from './snapshot';

// Pure: what a sync would change, from what the organisation holds and what the source says.
// Nothing here deletes: people are deactivated, departments are left in place.

/** What the organisation holds, as the plan needs it (one source's links). */
export interface CurrentDirectory {
  departments: { id: string; name: string; parentId: string | null }[];
  users: {
    id: string; name: string; email: string; phone: string | null; title: string | null;
    employeeId: string | null; departmentId: string | null; isActive: boolean; isOrgAdmin: boolean;
  }[];
  userLinks: { externalId: string; userId: string; digest: string | null }[];
  departmentLinks: { externalId: string; departmentId: string; digest: string | null }[];
  /** Snapshot emails (lower-cased) already used by accounts of other organisations: sign-in names are global. */
  emailsElsewhere: ReadonlySet<string>;
}

/** A skipped record with a reason code of the `directory.reasons` catalogue (sources may give free text). */
export interface PlanSkip extends SkippedRecord {
  values?: Record<string, string>;
}

export type UserFields = { name: string; email: string; phone: string | null; title: string | null; employeeId: string | null; departmentId: string | null };
/** A department reference in a plan: an existing department, or one this run creates (by external id). */
export type DepartmentRef = { id: string } | { externalId: string } | null;

export interface DepartmentCreate { externalId: string; name: string; parent: DepartmentRef; digest: string }
export interface DepartmentUpdate {
  externalId: string; departmentId: string; digest: string;
  /** Absent when only the link is new or touched. */
  name?: { from: string; to: string };
  parent?: { from: string | null; to: DepartmentRef };
}
export interface PersonCreate { externalId: string; fields: Omit<UserFields, 'departmentId'>; department: DepartmentRef; digest: string }
export interface PersonUpdate {
  externalId: string; userId: string; digest: string;
  /** The fields that differ, with the value before (departments by id; a new one by external id). */
  changes: Partial<Record<keyof Omit<UserFields, 'departmentId'>, { from: string | null; to: string | null }>>;
  department?: { from: string | null; to: DepartmentRef };
  /** true: reactivate; false: deactivate; absent: leave as is. */
  active?: boolean;
  /** Whether the link is new (an existing user matched by employee id or email). */
  link: boolean;
}
export interface PersonDeactivate { externalId: string; userId: string; name: string; reason: 'leftSource' | 'inactiveInSource' }

export interface SyncPlan {
  departments: { create: DepartmentCreate[]; update: DepartmentUpdate[] };
  people: { create: PersonCreate[]; update: PersonUpdate[]; deactivate: PersonDeactivate[] };
  /** Records refused, with their reasons (the source's own skips included). */
  skipped: PlanSkip[];
  /** Records imported with a caveat (an unknown department reference). */
  warnings: PlanSkip[];
  /** Links whose record is unchanged: only `lastSeenAt` moves. */
  unchanged: { departments: string[]; people: string[] };
}

export interface PlanCounts {
  departmentsCreated: number; departmentsUpdated: number; peopleCreated: number; peopleUpdated: number;
  peopleDeactivated: number; peopleReactivated: number; skipped: number; unchanged: number;
}

/** A stable hash of the record as imported: an unchanged record is not looked at again. */
export function recordDigest(record: DirectoryDepartment | DirectoryPerson): string {
  const ordered = Object.keys(record).sort().map((key) => [key, (record as unknown as Record<string, unknown>)[key] ?? null]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex').slice(0, 32);
}

const describePerson = (p: DirectoryPerson) => `${p.name || '?'} (${p.employeeId ?? p.externalId})`;
const describeDepartment = (d: DirectoryDepartment) => `${d.name || '?'} (${d.externalId})`;

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** Departments that can be imported, parents before children; the rest skipped with reasons. */
function orderDepartments(all: DirectoryDepartment[], skipped: PlanSkip[]): DirectoryDepartment[] {
  const byId = groupBy(all, (d) => d.externalId);
  const unique = new Map<string, DirectoryDepartment>();
  for (const [externalId, list] of byId) {
    if (list.length > 1) for (const d of list) skipped.push({ record: describeDepartment(d), reason: 'duplicateExternalId', values: { id: externalId } });
    else if (!list[0]!.name.trim()) skipped.push({ record: describeDepartment(list[0]!), reason: 'departmentWithoutName' });
    else unique.set(externalId, list[0]!);
  }
  // Walk up from each department: meeting a department already on the path is a cycle, and every
  // department on it is refused; one whose ancestor is missing or refused cannot be placed either.
  const state = new Map<string, 'ok' | 'refused'>();
  const ordered: DirectoryDepartment[] = [];
  for (const start of unique.values()) {
    const path: DirectoryDepartment[] = [];
    let current = start;
    let outcome: 'ok' | 'refused';
    for (;;) {
      const known = state.get(current.externalId);
      if (known) { outcome = known; break; }
      const cycleAt = path.indexOf(current);
      if (cycleAt >= 0) {
        const cycle = path.slice(cycleAt);
        const names = cycle.map((d) => d.name).join(' → ');
        for (const d of cycle) {
          state.set(d.externalId, 'refused');
          skipped.push({ record: describeDepartment(d), reason: 'departmentCycle', values: { cycle: names } });
        }
        path.length = cycleAt;
        outcome = 'refused';
        break;
      }
      path.push(current);
      if (current.parentExternalId === null) { outcome = 'ok'; break; }
      const parent = unique.get(current.parentExternalId);
      if (!parent) {
        path.pop();
        state.set(current.externalId, 'refused');
        const reason = byId.has(current.parentExternalId) ? 'departmentParentSkipped' : 'departmentParentMissing';
        skipped.push({ record: describeDepartment(current), reason, values: { parent: current.parentExternalId } });
        outcome = 'refused';
        break;
      }
      current = parent;
    }
    // The path, top-down, shares the outcome of what it hangs from.
    for (const d of path.reverse()) {
      state.set(d.externalId, outcome);
      if (outcome === 'ok') ordered.push(d);
      else skipped.push({ record: describeDepartment(d), reason: 'departmentParentSkipped', values: { parent: d.parentExternalId ?? '' } });
    }
  }
  return ordered;
}

function planDepartments(snapshot: DirectorySnapshot, current: CurrentDirectory, plan: SyncPlan) {
  const ordered = orderDepartments(snapshot.departments, plan.skipped);
  const links = new Map(current.departmentLinks.map((l) => [l.externalId, l]));
  const existing = new Map(current.departments.map((d) => [d.id, d]));
  const linkedIds = new Set(current.departmentLinks.map((l) => l.departmentId));
  // Where each imported department ends up: its id, or the external id of one this run creates.
  const resolved = new Map<string, DepartmentRef>();
  const refOf = (externalId: string | null): DepartmentRef => (externalId === null ? null : resolved.get(externalId) ?? null);
  for (const d of ordered) {
    const digest = recordDigest(d);
    const parent = refOf(d.parentExternalId);
    const link = links.get(d.externalId);
    const linked = link && existing.get(link.departmentId);
    if (linked) {
      resolved.set(d.externalId, { id: linked.id });
      if (link.digest === digest) { plan.unchanged.departments.push(d.externalId); continue; }
      const update: DepartmentUpdate = { externalId: d.externalId, departmentId: linked.id, digest };
      if (linked.name !== d.name.trim()) update.name = { from: linked.name, to: d.name.trim() };
      if (!pointsAt(parent, linked.parentId)) update.parent = { from: linked.parentId, to: parent };
      plan.departments.update.push(update);
      continue;
    }
    // An unlinked department of the same name under the same parent is taken over, not duplicated.
    const twin = current.departments.find((e) => !linkedIds.has(e.id) && e.name === d.name.trim() && pointsAt(parent, e.parentId));
    if (twin) {
      linkedIds.add(twin.id);
      resolved.set(d.externalId, { id: twin.id });
      plan.departments.update.push({ externalId: d.externalId, departmentId: twin.id, digest });
      continue;
    }
    resolved.set(d.externalId, { externalId: d.externalId });
    plan.departments.create.push({ externalId: d.externalId, name: d.name.trim(), parent, digest });
  }
  return { resolved, known: new Set(snapshot.departments.map((d) => d.externalId)), links };
}

/** Whether a planned reference names this existing department (or none, for null). */
const pointsAt = (ref: DepartmentRef, id: string | null) => (ref === null ? id === null : 'id' in ref && ref.id === id);

const norm = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** The change plan for one source; see the module comment. */
export function planSync(snapshot: DirectorySnapshot, current: CurrentDirectory): SyncPlan {
  const plan: SyncPlan = {
    departments: { create: [], update: [] },
    people: { create: [], update: [], deactivate: [] },
    skipped: snapshot.skipped.map((s) => ({ ...s })),
    warnings: [],
    unchanged: { departments: [], people: [] },
  };
  const departments = planDepartments(snapshot, current, plan);
  const usersById = new Map(current.users.map((u) => [u.id, u]));
  const userLinks = new Map(current.userLinks.map((l) => [l.externalId, l]));
  // Everyone the source lists, readable or not (an unreadable record is no leaver).
  const listed = new Set([...snapshot.people.map((p) => p.externalId), ...snapshot.skipped.flatMap((s) => (s.externalId ? [s.externalId] : []))]);
  // Users the snapshot still names through one of their links; a user whose links all went away may
  // be the same person under a new id (a staff list keyed by email, then by 工号) and is matched again.
  const heldUserIds = new Set(current.userLinks.filter((l) => listed.has(l.externalId)).map((l) => l.userId));
  const byEmployeeId = new Map(current.users.filter((u) => u.employeeId).map((u) => [u.employeeId!, u]));
  const byEmail = new Map(current.users.map((u) => [u.email.toLowerCase(), u]));

  // Duplicates within the snapshot: no way to tell which record is right, so all of them wait.
  const refused = new Set<DirectoryPerson>();
  const refuse = (p: DirectoryPerson, reason: string, values?: Record<string, string>) => {
    if (refused.has(p)) return;
    refused.add(p);
    plan.skipped.push({ record: describePerson(p), reason, ...(values ? { values } : {}) });
  };
  for (const [id, list] of groupBy(snapshot.people, (p) => p.externalId)) if (list.length > 1) for (const p of list) refuse(p, 'duplicateExternalId', { id });
  for (const [id, list] of groupBy(snapshot.people, (p) => norm(p.employeeId))) if (list.length > 1) for (const p of list) refuse(p, 'duplicateEmployeeId', { employeeId: id });
  for (const [email, list] of groupBy(snapshot.people, (p) => norm(p.email)?.toLowerCase() ?? null)) if (list.length > 1) for (const p of list) refuse(p, 'duplicateEmail', { email });

  const claimed = new Set<string>();
  const missing = new Set<string>(snapshot.missingFields ?? []);
  for (const person of snapshot.people) {
    if (refused.has(person)) continue;
    const email = norm(person.email)?.toLowerCase() ?? null;
    const employeeId = norm(person.employeeId);
    if (!email) { refuse(person, 'noEmail'); continue; }
    const parsed = createUserSchema.safeParse({ email, name: person.name, title: norm(person.title) ?? undefined, phone: norm(person.phone) ?? undefined });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
      refuse(person, 'invalidField', { field, problem: parsed.error.issues[0]?.message ?? 'invalid' });
      continue;
    }
    const fields = { name: parsed.data.name, email: parsed.data.email, phone: parsed.data.phone ?? null, title: parsed.data.title ?? null, employeeId };
    const digest = recordDigest(person);

    // Who this record is: its link, else an unlinked user with the same employee id, else the same
    // email when the source vouches for it (anyone can type a colleague's address as their own).
    const link = userLinks.get(person.externalId);
    let user = link ? usersById.get(link.userId) : undefined;
    const unlinked = (u: (typeof current.users)[number] | undefined) => (u && !heldUserIds.has(u.id) && !claimed.has(u.id) ? u : undefined);
    if (!user) user = unlinked(employeeId ? byEmployeeId.get(employeeId) : undefined) ?? (person.emailVerified === false ? undefined : unlinked(byEmail.get(email)));
    const holderOfEmployeeId = employeeId ? byEmployeeId.get(employeeId) : undefined;
    if (holderOfEmployeeId && holderOfEmployeeId.id !== user?.id) { refuse(person, 'employeeIdTaken', { employeeId: employeeId! }); continue; }
    const holderOfEmail = byEmail.get(email);
    if (holderOfEmail && holderOfEmail.id !== user?.id) { refuse(person, 'emailTaken', { email }); continue; }
    if (!holderOfEmail && current.emailsElsewhere.has(email)) { refuse(person, 'emailTakenElsewhere', { email }); continue; }

    let department: DepartmentRef = null;
    if (person.departmentExternalId !== null) {
      const ref = departments.resolved.get(person.departmentExternalId);
      const previous = departments.links.get(person.departmentExternalId);
      if (ref !== undefined) department = ref;
      // A department refused this run keeps the people it already had.
      else if (departments.known.has(person.departmentExternalId)) {
        department = previous ? { id: previous.departmentId } : user?.departmentId ? { id: user.departmentId } : null;
        if (!department) plan.warnings.push({ record: describePerson(person), reason: 'departmentNotImported', values: { department: person.departmentExternalId } });
      }
      else plan.warnings.push({ record: describePerson(person), reason: 'unknownDepartment', values: { department: person.departmentExternalId } });
    }

    if (!user) {
      // A leaver the organisation never had: nothing to import.
      if (!person.active) { refuse(person, 'inactiveNotPresent'); continue; }
      plan.people.create.push({ externalId: person.externalId, fields, department, digest });
      continue;
    }
    claimed.add(user.id);
    if (link && link.digest === digest) { plan.unchanged.people.push(person.externalId); continue; }
    const update: PersonUpdate = { externalId: person.externalId, userId: user.id, digest, changes: {}, link: !link };
    for (const key of ['name', 'email', 'phone', 'title', 'employeeId'] as const) {
      if (missing.has(key)) continue;
      const before = key === 'email' ? user.email.toLowerCase() : user[key];
      if ((before ?? null) !== fields[key]) update.changes[key] = { from: user[key], to: fields[key] };
    }
    if (!missing.has('departmentExternalId') && !pointsAt(department, user.departmentId)) update.department = { from: user.departmentId, to: department };
    if (person.active !== user.isActive) update.active = person.active;
    plan.people.update.push(update);
  }

  // Linked people the source no longer lists have left. Records the source listed but could not
  // import (skipped above) are still there, so they are not leavers.
  for (const link of current.userLinks) {
    const user = usersById.get(link.userId);
    if (listed.has(link.externalId) || claimed.has(link.userId) || !user?.isActive) continue;
    claimed.add(user.id);
    plan.people.deactivate.push({ externalId: link.externalId, userId: user.id, name: user.name, reason: 'leftSource' });
  }
  for (const update of plan.people.update) {
    if (update.active !== false) continue;
    const user = usersById.get(update.userId)!;
    plan.people.deactivate.push({ externalId: update.externalId, userId: user.id, name: user.name, reason: 'inactiveInSource' });
    delete update.active;
  }
  keepAnAdmin(plan, current);
  return plan;
}

/** A sync never leaves the organisation without an active admin: their deactivation is skipped instead. */
function keepAnAdmin(plan: SyncPlan, current: CurrentDirectory) {
  const leaving = new Set(plan.people.deactivate.map((d) => d.userId));
  const staying = current.users.filter((u) => u.isOrgAdmin && u.isActive && !leaving.has(u.id));
  if (staying.length) return;
  plan.people.deactivate = plan.people.deactivate.filter((d) => {
    const admin = current.users.find((u) => u.id === d.userId)?.isOrgAdmin;
    if (admin) plan.skipped.push({ record: `${d.name} (${d.externalId})`, reason: 'lastAdmin' });
    return !admin;
  });
}

export function planCounts(plan: SyncPlan): PlanCounts {
  return {
    departmentsCreated: plan.departments.create.length,
    departmentsUpdated: plan.departments.update.filter((u) => u.name || u.parent).length,
    peopleCreated: plan.people.create.length,
    peopleUpdated: plan.people.update.filter((u) => Object.keys(u.changes).length || u.department).length,
    peopleDeactivated: plan.people.deactivate.length,
    peopleReactivated: plan.people.update.filter((u) => u.active === true).length,
    skipped: plan.skipped.length,
    unchanged: plan.unchanged.departments.length + plan.unchanged.people.length,
  };
}
