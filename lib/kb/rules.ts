/** Knowledge-base pages: where they live and what a save may carry. */

/** The built-in page templates (会议纪要, SOP, FAQ); a new page may start from one. */
export const KB_TEMPLATE_KEYS = ['meetingMinutes', 'sop', 'faq'] as const;
export type KbTemplateKey = (typeof KB_TEMPLATE_KEYS)[number];

export const KB_TITLE_MAX = 200;
/** Tags a page may carry at most (from the organisation's tag sets). */
export const KB_TAGS_PER_PAGE_MAX = 10;
export const KB_TAG_NAME_MAX = 40;
/** The colours a tag may have (the badge's Tailwind palette). */
export const KB_TAG_COLORS = ['slate', 'red', 'amber', 'green', 'teal', 'blue', 'violet', 'pink'] as const;
export type KbTagColor = (typeof KB_TAG_COLORS)[number];
/** Pages a list or search shows at most. */
export const KB_LIST_MAX = 200;
