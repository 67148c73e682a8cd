import type { RowProblem } from '@/lib/errors';
import { cellDate } from '@/lib/sheets/cells';
import { indexByName, matchName, type Named } from '@/lib/sheets/names';
import {
  missingColumns, reportSchemaIssues, rowReader, schemaProblemKeys, sheetProblem, type RowReader as SheetRowReader,
} from '@/lib/sheets/row-reader';
import { PROGRESS_SHEET, riskFromLabel, type ProgressSheetColumnKey, type ReadProgressSheet } from './progress-sheet';
import { computeRisk } from './risk';
import { RISK_LEVELS, type RiskLevel } from './rules';
import { milestoneSchema } from './schema';

// Turns the rows of an imported 项目进度表 into the milestones to add and the changes to make, or
// into every problem found. Pure: the service loads what it needs once and writes the plan.

/** A row of the space's progress table as the import compares sheet rows with it. */
export interface ExistingMilestone {
  id: string;
  phase: string;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  ownerId: string | null;
  delayReason: string | null;
  riskOverride: RiskLevel | null;
  /** Linked tasks that are blocked / overdue, for the risk the dates give. */
  blockedTasks: number;
  overdueTasks: number;
}

export interface ProgressImportContext {
  /** Members of the space, whom rows may name as owners. */
  members: readonly Named[];
  /** Names of everyone the rows refer to, members or not. */
  nameOf: (userId: string) => string | undefined;
  /** In the order the export writes them (planned date, then position). */
  milestones: readonly ExistingMilestone[];
  today: string;
}

/** The fields a sheet row sets. */
export interface MilestoneFields {
  phase: string;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  ownerId: string | null;
  delayReason: string | null;
  riskOverride: RiskLevel | null;
}

export interface ProgressImportPlan {
  problems: RowProblem[];
  creates: { row: number; fields: MilestoneFields }[];
  updates: { row: number; milestone: ExistingMilestone; changes: Partial<MilestoneFields> }[];
  unchanged: number;
}

type RowReader = SheetRowReader<ProgressSheetColumnKey>;

const problemKey = (key: string) => `progressTable.problems.${key}`;
const schemaProblemKey = schemaProblemKeys('progressTable', ['delayReasonRequired']);

const COLUMN_OF_FIELD: Record<string, ProgressSheetColumnKey> = {
  phase: 'phase', name: 'name', plannedDate: 'plannedDate', actualDate: 'actualDate', ownerId: 'owner', delayReason: 'delayReason', riskOverride: 'risk',
};

const COMPARED_FIELDS = ['phase', 'name', 'plannedDate', 'actualDate', 'ownerId', 'delayReason', 'riskOverride'] as const;

/**
 * The milestone each sheet row updates. A row finds its milestone by 阶段 and 关键节点 first; a row
 * whose pair matches none then takes an unclaimed milestone of the same 关键节点, so filling in or
 * correcting a 阶段 updates the row rather than adding one. Rows that repeat a pair take its
 * milestones in the export's order, so a table with two identical rows still round-trips.
 */
function matchMilestones(rows: readonly { row: number; phase: string; name: string }[], milestones: readonly ExistingMilestone[], hasPhase: boolean) {
  const claimed = new Map<number, ExistingMilestone>();
  const free = new Set(milestones);
  const claim = (keyOf: (phase: string, name: string) => string) => {
    const queues = new Map<string, ExistingMilestone[]>();
    for (const m of free) {
      const key = keyOf(m.phase.trim(), m.name.trim());
      (queues.get(key) ?? queues.set(key, []).get(key)!).push(m);
    }
    for (const r of rows) {
      if (claimed.has(r.row) || !r.name) continue;
      const found = queues.get(keyOf(r.phase, r.name))?.shift();
      if (found) {
        claimed.set(r.row, found);
        free.delete(found);
      }
    }
  };
  if (hasPhase) claim((phase, name) => `${phase}\u0000${name}`);
  claim((_phase, name) => name);
  return claimed;
}

function ownerInput(reader: RowReader, members: ReadonlyMap<string, string[]>, context: ProgressImportContext, milestone: ExistingMilestone | null) {
  if (!reader.has('owner')) return milestone?.ownerId ?? null;
  const name = reader.text('owner');
  if (!name) return null;
  const match = matchName(members, name, milestone ? [milestone.ownerId] : [], context.nameOf);
  if ('id' in match) return match.id;
  reader.report('owner', sheetProblem(match.problem === 'unknown' ? 'personUnknown' : 'personAmbiguous'), { name });
  return undefined;
}

/** The level a 风险预警 cell names: null for empty (computed), undefined when it names none (reported). */
function riskInput(reader: RowReader, milestone: ExistingMilestone | null): RiskLevel | null | undefined {
  if (!reader.has('risk')) return milestone?.riskOverride ?? null;
  const written = reader.text('risk');
  if (!written) return null;
  const level = riskFromLabel(written);
  if ((RISK_LEVELS as readonly string[]).includes(level)) return level as RiskLevel;
  if (!reader.isFlagged('risk')) reader.report('risk', problemKey('riskInvalid'));
  return undefined;
}

/**
 * The risk a row keeps by hand: the level written when it differs from what the row's dates and
 * linked tasks give, or when it was already set by hand; null (computed) otherwise.
 */
function overrideFor(level: RiskLevel | null, fields: Omit<MilestoneFields, 'riskOverride'>, milestone: ExistingMilestone | null, today: string) {
  if (level === null || level === milestone?.riskOverride) return level;
  const computed = computeRisk({ ...fields, blockedTasks: milestone?.blockedTasks ?? 0, overdueTasks: milestone?.overdueTasks ?? 0 }, today);
  return level === computed ? null : level;
}

/** A row's fields, or null when it has problems (they are in `reader.problems`). */
function readRow(reader: RowReader, members: ReadonlyMap<string, string[]>, context: ProgressImportContext, milestone: ExistingMilestone | null) {
  // A column the sheet lacks keeps the milestone's value; an empty cell clears it.
  const text = (column: ProgressSheetColumnKey, current: string | null | undefined) => (reader.has(column) ? reader.text(column) : current ?? undefined);
  const date = (column: ProgressSheetColumnKey, current: string | null | undefined) => (reader.has(column) ? cellDate(reader.cell(column)) ?? null : current);
  const input = {
    phase: text('phase', milestone?.phase),
    name: text('name', milestone?.name),
    plannedDate: date('plannedDate', milestone?.plannedDate),
    actualDate: date('actualDate', milestone?.actualDate),
    ownerId: ownerInput(reader, members, context, milestone),
    delayReason: text('delayReason', milestone?.delayReason),
  };
  const risk = riskInput(reader, milestone);
  const parsed = milestoneSchema.safeParse(input);
  if (!parsed.success) reportSchemaIssues(reader, parsed.error.issues, COLUMN_OF_FIELD, 'name', schemaProblemKey);
  if (!parsed.success || reader.problems.length || input.ownerId === undefined || risk === undefined) return null;
  const data = parsed.data;
  const fields = {
    phase: data.phase ?? '', name: data.name, plannedDate: data.plannedDate, actualDate: data.actualDate ?? null,
    ownerId: data.ownerId ?? null, delayReason: data.delayReason ?? null,
  };
  return { ...fields, riskOverride: overrideFor(risk, fields, milestone, context.today) };
}

function changesOf(milestone: ExistingMilestone, fields: MilestoneFields): Partial<MilestoneFields> | null {
  const changes: Partial<MilestoneFields> = {};
  for (const key of COMPARED_FIELDS) if (fields[key] !== milestone[key]) Object.assign(changes, { [key]: fields[key] });
  return Object.keys(changes).length ? changes : null;
}

/**
 * Checks every row of an imported 项目进度表 and plans the writes: a row matching a milestone (see
 * matchMilestones) updates it where it differs, any other row adds one; milestones the sheet does
 * not mention stay. The rules are the progress form's (milestoneSchema); owners are members named exactly.
 */
export function planProgressImport(sheet: ReadProgressSheet, context: ProgressImportContext): ProgressImportPlan {
  const plan: ProgressImportPlan = { problems: [], creates: [], updates: [], unchanged: 0 };
  const missing = missingColumns(sheet, PROGRESS_SHEET);
  if (missing.length) return { ...plan, problems: missing };
  const members = indexByName(context.members);
  const readers = sheet.rows.map((sheetRow) => rowReader(sheetRow, sheet, PROGRESS_SHEET));
  const keys = readers.map((reader) => ({ row: reader.row, phase: reader.text('phase'), name: reader.text('name') }));
  const matched = matchMilestones(keys, context.milestones, sheet.columns.has('phase'));
  for (const reader of readers) {
    const milestone = matched.get(reader.row) ?? null;
    const fields = readRow(reader, members, context, milestone);
    if (!fields) plan.problems.push(...reader.problems);
    else if (!milestone) plan.creates.push({ row: reader.row, fields });
    else {
      const changes = changesOf(milestone, fields);
      if (changes) plan.updates.push({ row: reader.row, milestone, changes });
      else plan.unchanged++;
    }
  }
  return plan;
}
