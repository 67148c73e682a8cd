// Client-safe facts about the spreadsheets people export and import (跨部门任务表, 项目进度表, …).

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded workbook may be at most this large. */
export const SHEET_MAX_BYTES = 10 * 1024 * 1024;
