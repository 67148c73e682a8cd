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
 * Sheet rows find their milestone by 阶段 and 关键节点 (by 关键节点 alone when the sheet has no 阶段
 * column). Rows that repeat a pair take that pair's milestones in the export's order, so a table
 * with two identical rows still round-trips.
 */
function milestoneMatcher(context: ProgressImportContext, hasPhase: boolean) {
  const keyOf = (phase: string, name: string) => `${hasPhase ? phase.trim() : ''}\u0000${name.trim()}`;
  const queues = new Map<string, ExistingMilestone[]>();
  for (const milestone of context.milestones) {
    const key = keyOf(milestone.phase, milestone.name);
    (queues.get(key) ?? queues.set(key, []).get(key)!).push(milestone);
  }
  return (phase: string, name: string): ExistingMilestone | null => (name.trim() ? queues.get(keyOf(phase, name))?.shift() ?? null : null);
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
 * Checks every row of an imported 项目进度表 and plans the writes: a row matching a milestone by
 * 阶段 and 关键节点 updates it where it differs, any other row adds one; milestones the sheet does
 * not mention stay. The rules are the progress form's (milestoneSchema); owners are members named exactly.
 */
export function planProgressImport(sheet: ReadProgressSheet, context: ProgressImportContext): ProgressImportPlan {
  const plan: ProgressImportPlan = { problems: [], creates: [], updates: [], unchanged: 0 };
  const missing = missingColumns(sheet, PROGRESS_SHEET);
  if (missing.length) return { ...plan, problems: missing };
  const members = indexByName(context.members);
  const matchMilestone = milestoneMatcher(context, sheet.columns.has('phase'));
  for (const sheetRow of sheet.rows) {
    const reader = rowReader(sheetRow, sheet, PROGRESS_SHEET);
    const milestone = matchMilestone(reader.text('phase'), reader.text('name'));
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
