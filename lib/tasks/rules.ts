// Client-safe facts about tasks, shared by the database schema, validation, forms and views.

/** 待开始 / 进行中 / 已完成 / 阻塞, in the order the board shows them. */
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'blocked'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 高 / 中 / 低, most urgent first. */
export const TASK_PRIORITIES = ['high', 'medium', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** An issue-tracking entry (问题跟踪) is open until someone records how it was resolved. */
export const TASK_ISSUE_STATUSES = ['open', 'resolved'] as const;
export type TaskIssueStatus = (typeof TASK_ISSUE_STATUSES)[number];

/** 风险预警 of a progress-table row. */
export const RISK_LEVELS = ['green', 'yellow', 'red'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const TASK_NAME_MAX = 200;
export const TASK_HELPERS_MAX = 20;
export const TASK_DEPENDENCIES_MAX = 20;
/** A task's name is what people scan in lists, on cards and in spreadsheets: plain text, one line. */
export const TASK_TEXT_MAX = 2000;

/** An uploaded 跨部门任务表 (.xlsx) holds at most this many task rows. */
export const TASK_SHEET_MAX_ROWS = 5000;

/** An uploaded 项目进度表 (.xlsx) holds at most this many rows. */
export const PROGRESS_SHEET_MAX_ROWS = 500;
