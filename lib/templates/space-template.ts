import { z } from 'zod';

/**
 * What a scenario template (场景模板) pre-fills when a space is created from it. Dates are relative
 * to the space's start date, so one template serves any project.
 */
export const spaceTemplateContentSchema = z.object({
  /** Suggested goal text for the new space. */
  goal: z.string().max(2000),
  /** Suggested duration in days: the end date the form proposes is start + this. */
  durationDays: z.number().int().min(1).max(3650),
  /** Department names to suggest; matched by name against the organisation's tree. */
  departmentHints: z.array(z.string().min(1).max(60)).max(20),
  /** The starter task list; `dueInDays` counts from the start date. */
  tasks: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        description: z.string().max(2000),
        priority: z.enum(['high', 'medium', 'low']),
        dueInDays: z.number().int().min(0).max(3650),
        /** The department hint whose people usually own it. */
        departmentHint: z.string().max(60).optional(),
      }),
    )
    .max(100),
  milestones: z.array(z.object({ name: z.string().min(1).max(200), dueInDays: z.number().int().min(0).max(3650) })).max(50),
  /** Group chats (群聊) to open in the space, by department or topic. */
  channels: z.array(z.object({ name: z.string().min(1).max(60), topic: z.string().max(200) })).max(30),
  /** Headings of the meeting-minutes outline (议程/纪要 sections). */
  minutesOutline: z.array(z.string().min(1).max(200)).max(30),
});
export type SpaceTemplateContent = z.infer<typeof spaceTemplateContentSchema>;

export interface BuiltinSpaceTemplate {
  /** Stable key used in URLs and the API (`builtin:product-launch`). */
  key: string;
  name: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  content: SpaceTemplateContent;
}

/** A template as the REST API returns it. */
export const spaceTemplateResourceSchema = z.object({
  key: z.string(),
  builtin: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  content: spaceTemplateContentSchema,
});
