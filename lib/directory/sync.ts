import { and, desc, eq, gt, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { departments, directoryDepartmentLinks, directorySyncRuns, directoryUserLinks, users, type DirectorySyncRun } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Conflict, isDomainError, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation';
import { applyPlan } from './apply';
import { planSync, type CurrentDirectory } from './plan';
import { describePlan, type SyncReport } from './report';
import type { DirectorySource } from './rules';
import type { DirectoryReader, DirectorySnapshot } from './snapshot';

/** What the plan compares the snapshot with, read in the run's transaction. */
async function loadCurrent(tx: Transaction, organizationId: string, snapshot: DirectorySnapshot): Promise<CurrentDirectory> {
  const source = snapshot.source;
  const [depts, people, userLinks, departmentLinks] = await Promise.all([
    tx.select({ id: departments.id, name: departments.name, parentId: departments.parentId }).from(departments).where(eq(departments.organizationId, organizationId)),
    tx.select({
      id: users.id, name: users.name, email: users.email, phone: users.phone, title: users.title, employeeId: users.employeeId,
      departmentId: users.departmentId, isActive: users.isActive, isOrgAdmin: users.isOrgAdmin,
    }).from(users).where(eq(users.organizationId, organizationId)),
    tx.select({ externalId: directoryUserLinks.externalId, userId: directoryUserLinks.userId, digest: directoryUserLinks.digest }).from(directoryUserLinks)
      .where(and(eq(directoryUserLinks.organizationId, organizationId), eq(directoryUserLinks.source, source))),
    tx.select({ externalId: directoryDepartmentLinks.externalId, departmentId: directoryDepartmentLinks.departmentId, digest: directoryDepartmentLinks.digest })
      .from(directoryDepartmentLinks)
      .where(and(eq(directoryDepartmentLinks.organizationId, organizationId), eq(directoryDepartmentLinks.source, source))),
  ]);
  const emails = [...new Set(snapshot.people.map((p) => p.email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))];
  const elsewhere = emails.length
    ? await tx.select({ email: sql<string>`lower(${users.email})` }).from(users)
      .where(and(ne(users.organizationId, organizationId), inArray(sql`lower(${users.email})`, emails)))
    : [];
  return { departments: depts, users: people, userLinks, departmentLinks, emailsElsewhere: new Set(elsewhere.map((r) => r.email)) };
}

/** Names for the report, as they are before the run (new departments are named by the plan). */
function namesOf(current: CurrentDirectory) {
  return {
    departments: new Map(current.departments.map((d) => [d.id, d.name])),
    users: new Map(current.users.map((u) => [u.id, `${u.name} <${u.email}>`])),
  };
}

/** One run per organisation and source at a time, across processes: a second one is refused, not queued. */
async function lockSource(tx: Transaction, organizationId: string, source: DirectorySource) {
  const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`directory-sync:${organizationId}:${source}`})) as locked`)) as unknown as { rows: { locked: boolean }[] };
  if (!result.rows[0]?.locked) throw Conflict('directory.errors.running');
}

interface RunOptions {
  dryRun: boolean;
  /** For the schedule: skip (return null) when an applied scheduled run started at or after this time. */
  notSince?: Date;
  /** When the run starts (the schedule's tick time); default now. */
  startedAt?: Date;
  /** Keep the snapshot in the report (a previewed upload is applied from it). */
  keepSnapshot?: boolean;
}

async function recordFailure(organizationId: string, source: DirectorySource, actor: Actor, dryRun: boolean, startedAt: Date, error: unknown) {
  const db = await getDb();
  const message = isDomainError(error) ? error.messageKey : error instanceof Error ? error.message : String(error);
  const [run] = await db.insert(directorySyncRuns).values({
    organizationId, source, dryRun, status: 'failed', triggeredBy: actorId(actor), error: message.slice(0, 2000), startedAt, finishedAt: new Date(),
  }).returning();
  return run!;
}

async function runSync(actor: Actor, organizationId: string, reader: DirectoryReader, options: RunOptions): Promise<DirectorySyncRun | null> {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const startedAt = options.startedAt ?? new Date();
  const source = reader.source;
  const db = await getDb();
  if (options.notSince && await ranSince(db, organizationId, source, options.notSince)) return null;
  let snapshot: DirectorySnapshot;
  try {
    // Read outside the transaction: a slow directory must not hold database locks.
    snapshot = await reader.read();
    if (snapshot.source !== source) throw new Error(`The ${source} reader returned a ${snapshot.source} snapshot`);
  } catch (error) {
    // A source refusing its input (a bad upload) is the user's to fix; an unreachable one is a failed
    // run. Nobody waits for the schedule's answer, so every failure of its runs is recorded.
    if (isDomainError(error) && !options.notSince) throw error;
    return recordFailure(organizationId, source, actor, options.dryRun, startedAt, error);
  }
  try {
    return await db.transaction(async (tx) => {
      if (!options.dryRun) await lockSource(tx, organizationId, source);
      if (options.notSince && await ranSince(tx, organizationId, source, options.notSince)) return null;
      const current = await loadCurrent(tx, organizationId, snapshot);
      const plan = planSync(snapshot, current);
      // A source that suddenly lists nobody is misconfigured (a wrong base DN, a revoked app), not a
      // company that left: refused, so it cannot deactivate everyone.
      if (!snapshot.people.length && plan.people.deactivate.length) throw Conflict('directory.errors.emptySource');
      const report: SyncReport = describePlan(plan, namesOf(current));
      if (options.keepSnapshot) report.snapshot = snapshot;
      if (!options.dryRun) {
        await applyPlan(tx, actor, organizationId, source, plan);
        await recordAudit(tx, actor, { organizationId, action: 'directory.sync', targetType: 'directory', targetId: source, data: { ...report.counts } });
      }
      const [run] = await tx.insert(directorySyncRuns).values({
        organizationId, source, dryRun: options.dryRun, status: 'succeeded', triggeredBy: actorId(actor),
        report: report as unknown as Record<string, unknown>, startedAt, finishedAt: new Date(),
      }).returning();
      return run!;
    });
  } catch (error) {
    // A run already going is the caller's to hear about; anything else rolled back and is recorded.
    if (isDomainError(error) && error.messageKey === 'directory.errors.running') throw error;
    return recordFailure(organizationId, source, actor, options.dryRun, startedAt, error);
  }
}

async function ranSince(tx: Pick<Transaction, 'select'>, organizationId: string, source: DirectorySource, since: Date) {
  const [row] = await tx.select({ id: directorySyncRuns.id }).from(directorySyncRuns)
    .where(and(
      eq(directorySyncRuns.organizationId, organizationId), eq(directorySyncRuns.source, source), eq(directorySyncRuns.dryRun, false),
      isNull(directorySyncRuns.triggeredBy), gte(directorySyncRuns.startedAt, since),
    )).limit(1);
  return Boolean(row);
}

/** Reads the source and stores a dry run: the changes an admin reviews before applying. Writes nothing else. */
export async function previewSync(actor: Actor, organizationId: string, reader: DirectoryReader): Promise<DirectorySyncRun> {
  return (await runSync(actor, organizationId, reader, { dryRun: true, keepSnapshot: reader.source === 'file' }))!;
}

/**
 * Reads the source again, plans and applies in one transaction, and stores the run with its report.
 * A failure rolls everything back and is stored as a failed run; a run already going for this
 * organisation and source is refused (Conflict).
 */
export async function applySync(actor: Actor, organizationId: string, reader: DirectoryReader): Promise<DirectorySyncRun> {
  return (await runSync(actor, organizationId, reader, { dryRun: false }))!;
}

/** The schedule's run at `now`: skipped (null) when another process already ran this source since `slotStart`. */
export async function applyScheduledSync(actor: Actor, organizationId: string, reader: DirectoryReader, slotStart: Date, now: Date): Promise<DirectorySyncRun | null> {
  return runSync(actor, organizationId, reader, { dryRun: false, notSince: slotStart, startedAt: now });
}

/** Applies a previewed upload exactly as it was reviewed (the file is not uploaded twice). */
export async function applyPreviewedFile(actor: Actor, organizationId: string, previewRunId: string): Promise<DirectorySyncRun> {
  const preview = await getSyncRun(actor, organizationId, previewRunId);
  const snapshot = (preview.report as unknown as SyncReport).snapshot;
  if (!preview.dryRun || preview.source !== 'file' || !snapshot) throw NotFound();
  // An older preview applied after a newer upload would undo it: only the latest one applies.
  const db = await getDb();
  const [newer] = await db.select({ id: directorySyncRuns.id }).from(directorySyncRuns)
    .where(and(
      eq(directorySyncRuns.organizationId, organizationId), eq(directorySyncRuns.source, 'file'),
      eq(directorySyncRuns.status, 'succeeded'), gt(directorySyncRuns.startedAt, preview.startedAt), ne(directorySyncRuns.id, preview.id),
      eq(directorySyncRuns.dryRun, false),
    )).limit(1);
  if (newer) throw Conflict('directory.errors.previewStale');
  return applySync(actor, organizationId, { source: 'file', read: async () => snapshot });
}

export const SYNC_RUNS_PAGE = 20;

/** The organisation's latest runs, newest first (admins only). */
export async function listSyncRuns(actor: Actor, organizationId: string, limit = SYNC_RUNS_PAGE) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const db = await getDb();
  return db.select({
    id: directorySyncRuns.id, source: directorySyncRuns.source, dryRun: directorySyncRuns.dryRun, status: directorySyncRuns.status,
    error: directorySyncRuns.error, startedAt: directorySyncRuns.startedAt, finishedAt: directorySyncRuns.finishedAt,
    counts: sql<SyncReport['counts'] | null>`${directorySyncRuns.report} -> 'counts'`, triggeredByName: users.name,
  }).from(directorySyncRuns)
    .leftJoin(users, eq(users.id, directorySyncRuns.triggeredBy))
    .where(eq(directorySyncRuns.organizationId, organizationId))
    .orderBy(desc(directorySyncRuns.startedAt))
    .limit(limit);
}

export async function getSyncRun(actor: Actor, organizationId: string, runId: string): Promise<DirectorySyncRun> {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  if (!isUuid(runId)) throw NotFound();
  const db = await getDb();
  const [run] = await db.select().from(directorySyncRuns)
    .where(and(eq(directorySyncRuns.id, runId), eq(directorySyncRuns.organizationId, organizationId)));
  if (!run) throw NotFound();
  return run;
}
