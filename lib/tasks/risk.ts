import { addDays } from '@/lib/dates';
import type { RiskLevel } from './rules';

/** How close a planned date has to be before an unfinished milestone turns yellow. */
export const RISK_SOON_DAYS = 3;
/** A blocked task this close to the milestone makes it red rather than yellow. */
export const RISK_BLOCKED_RED_DAYS = 7;

export interface RiskInput {
  plannedDate: string;
  actualDate: string | null;
  /** Tasks linked to the milestone that are blocked / overdue (due before today and not done). */
  blockedTasks: number;
  overdueTasks: number;
}

/**
 * The risk a progress-table row shows unless someone overrides it (风险预警): green on track,
 * yellow when it needs attention, red when the date is lost or about to be.
 */
export function computeRisk(row: RiskInput, today: string): RiskLevel {
  if (row.actualDate) return row.actualDate <= row.plannedDate ? 'green' : 'yellow';
  if (today > row.plannedDate) return 'red';
  if (row.blockedTasks > 0) return today >= addDays(row.plannedDate, -RISK_BLOCKED_RED_DAYS) ? 'red' : 'yellow';
  if (row.overdueTasks > 0 || today >= addDays(row.plannedDate, -RISK_SOON_DAYS)) return 'yellow';
  return 'green';
}
