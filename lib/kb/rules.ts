/** Knowledge-base pages: where they live and what a save may carry. */

/** The built-in page templates (会议纪要, SOP, FAQ); a new page may start from one. */
export const KB_TEMPLATE_KEYS = ['meetingMinutes', 'sop', 'faq'] as const;
export type KbTemplateKey = (typeof KB_TEMPLATE_KEYS)[number];

export const KB_TITLE_MAX = 200;
/** Tags a page may carry at most (from the organisation's tag sets). */
export const KB_TAGS_PER_PAGE_MAX = 10;
