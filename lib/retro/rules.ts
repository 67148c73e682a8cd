/** The retrospective (复盘) of a space: its states and how a goal came out. */

export const RETRO_STATUSES = ['draft', 'completed'] as const;
export type RetroStatus = (typeof RETRO_STATUSES)[number];

/** Per goal: 已达成 / 部分达成 / 未达成. */
export const GOAL_OUTCOMES = ['achieved', 'partly', 'not'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];
