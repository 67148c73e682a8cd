import { and, eq, max } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { milestones, spaceMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { InvalidRows } from '@/lib/errors';
import { todayFor } from '@/lib/org/time-zone';
import { sheetFileName } from '@/lib/sheets/file-name';
import { authorizeSpace } from '@/lib/spaces/access';
import { progressRows } from './milestones';
import { planProgressImport, type ExistingMilestone, type ProgressImportContext } from './progress-import-plan';
import { PROGRESS_SHEET, readProgressSheet, writeProgressSheet } from './progress-sheet';
import type { ProgressImportResult } from './schema';

/** The space's 项目进度表 as an .xlsx file, in the page's order, for anyone who may see the space. */
export async function exportProgressTable(actor: Actor, spaceId: string, today = todayFor(null)): Promise<{ bytes: Buffer; fileName: string }> {
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.view');
  const rows = await progressRows(db, spaceId, today);
  const bytes = await writeProgressSheet(rows.map((row) => ({
    phase: row.phase, name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate,
    owner: row.ownerName, delayReason: row.delayReason, risk: row.risk,
  })));
  return { bytes, fileName: sheetFileName(PROGRESS_SHEET.name, space.name, today) };
}

/** Members, the table's rows and the names of everyone they refer to, read once. */
async function loadImportContext(tx: Transaction, spaceId: string, today: string): Promise<ProgressImportContext> {
  const members = await tx.select({ id: users.id, name: users.name }).from(spaceMembers)
    .innerJoin(users, eq(users.id, spaceMembers.userId)).where(eq(spaceMembers.spaceId, spaceId));
  const rows = await progressRows(tx, spaceId, today);
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const row of rows) if (row.ownerId && row.ownerName) names.set(row.ownerId, row.ownerName);
  const existing: ExistingMilestone[] = rows.map((row) => ({
    id: row.id, phase: row.phase, name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate, ownerId: row.ownerId,
    delayReason: row.delayReason, riskOverride: row.riskOverride, blockedTasks: row.tasks.blocked, overdueTasks: row.tasks.overdue,
  }));
  return { members, nameOf: (id) => names.get(id), milestones: existing, today };
}

/**
 * Imports a 项目进度表 (.xlsx) into a space (owners and space admins). Every row is checked first,
 * against the progress form's rules; any problem refuses the whole file with every problem listed
 * by row and column. Otherwise, in one transaction with one audit entry, rows that match a
 * milestone by 关键节点 (and 阶段) update it where they differ and other rows add milestones;
 * nothing is deleted.
 */
export async function importProgressTable(actor: Actor, spaceId: string, bytes: Uint8Array, today = todayFor(null)): Promise<ProgressImportResult> {
  const db = await getDb();
  // Outsiders and those who may not edit the table are answered before the file is read.
  await authorizeSpace(db, actor, spaceId, 'milestone.manage');
  const sheet = await readProgressSheet(bytes);
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'milestone.manage', { lock: true });
    const plan = planProgressImport(sheet, await loadImportContext(tx, spaceId, today));
    if (plan.problems.length) throw InvalidRows(plan.problems, 'sheets.rowsInvalid');

    if (plan.creates.length) {
      const [last] = await tx.select({ p: max(milestones.position) }).from(milestones).where(eq(milestones.spaceId, spaceId));
      const first = (last?.p ?? 0) + 1;
      await tx.insert(milestones).values(plan.creates.map(({ fields }, i) => ({ ...fields, spaceId, position: first + i })));
    }
    // At most PROGRESS_SHEET_MAX_ROWS rows: one statement each is fine.
    for (const { milestone, changes } of plan.updates) {
      await tx.update(milestones).set(changes)
        .where(and(eq(milestones.id, milestone.id), eq(milestones.spaceId, spaceId)));
    }
    const result = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId, action: 'milestone.import', targetType: 'space', targetId: spaceId, data: result });
    return result;
  });
}
