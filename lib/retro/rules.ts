/** The retrospective (复盘) of a space: its states and how a goal came out. */

export const RETRO_STATUSES = ['draft', 'completed'] as const;
export type RetroStatus = (typeof RETRO_STATUSES)[number];

/** Per goal: 已达成 / 部分达成 / 未达成. */
export const GOAL_OUTCOMES = ['achieved', 'partly', 'not'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** Lists stay short enough to read in one sitting and to print on a few pages. */
export const RETRO_LIST_MAX = 50;
export const RETRO_TEXT_MAX = 2000;
export const RETRO_SUMMARY_MAX = 10_000;

/** The lists as stored (jsonb) and shown; ids stay the same across saves. */
export interface RetroGoal {
  id: string;
  goal: string;
  outcome: GoalOutcome | null;
  evidence: string;
}
export interface RetroProblem {
  id: string;
  text: string;
}
export interface RetroImprovement {
  id: string;
  text: string;
  /** The task it became (改进措施 → 任务). */
  taskId?: string | null;
  /** The knowledge page it became; written by the knowledge base once it offers that. */
  pageId?: string | null;
}

/** Figures computed from the space (live for a draft, kept as they were at completion). */
export interface RetroFacts {
  /** The day (YYYY-MM-DD, installation time zone) the figures are as of. */
  asOf: string;
  totalTasks: number;
  byStatus: Record<'todo' | 'in_progress' | 'done' | 'blocked', number>;
  /** Done tasks completed on or before their due date, of all done tasks (null: none done yet). */
  done: number;
  doneOnTime: number;
  onTimeRate: number | null;
  /** Open tasks past their due date on `asOf`. */
  overdueOpen: number;
  /** Tasks that were blocked at some point (had an issue-tracking entry), and the entries' mean open time. */
  blockedTasks: number;
  blockedEntries: number;
  meanBlockedDays: number | null;
  /** 延期原因 of the progress table, the same text grouped, most frequent first. */
  delayReasons: { reason: string; count: number }[];
  /** By the task's department (which defaults to its assignee's when it is created). */
  departments: { departmentId: string | null; name: string | null; tasks: number; done: number }[];
}
