import { z } from 'zod';
import { blankToUndefined, isoDateSchema, jsonList } from '@/lib/validation';
import { GOAL_OUTCOMES, RETRO_LIST_MAX, RETRO_SUMMARY_MAX, RETRO_TEXT_MAX } from './rules';

// Messages are keys of the `validation` catalogue. The same schemas parse the page's form (lists
// posted as one JSON field each) and the API's JSON, and document the API (lib/api/openapi-retro.ts).

const itemId = z.preprocess(blankToUndefined, z.uuid('invalid').optional());
const text = z.string('required').trim().min(1, 'required').max(RETRO_TEXT_MAX, 'tooLong');
const optionalText = z.preprocess((v) => v ?? '', z.string().trim().max(RETRO_TEXT_MAX, 'tooLong'));
const list = <T extends z.ZodType>(item: T) => z.preprocess(jsonList, z.array(item, 'invalid').max(RETRO_LIST_MAX, 'tooMany'));

export const retroGoalSchema = z.object({
  /** Kept across saves so the list can be reordered and edited; new rows get one. */
  id: itemId,
  goal: text,
  outcome: z.preprocess(blankToUndefined, z.enum(GOAL_OUTCOMES, 'invalid').nullable().optional()),
  evidence: optionalText,
});

export const retroProblemSchema = z.object({ id: itemId, text });

/** `taskId`/`pageId` are set by the server when an improvement becomes a task or a page; sent values are ignored. */
export const retroImprovementSchema = z.object({ id: itemId, text });

export const saveRetroSchema = z.object({
  /** The version the edit was based on: a save over someone else's newer one is refused (409). */
  version: z.coerce.number('invalid').int('invalid').min(0, 'invalid'),
  goals: list(retroGoalSchema),
  problems: list(retroProblemSchema),
  improvements: list(retroImprovementSchema),
  summary: z.preprocess((v) => v ?? '', z.string().trim().max(RETRO_SUMMARY_MAX, 'tooLong')),
});
export type SaveRetroInput = Partial<z.input<typeof saveRetroSchema>>;

export const improvementToTaskSchema = z.object({
  assigneeId: z.uuid('assigneeRequired'),
  dueDate: isoDateSchema,
});
export type ImprovementToTaskInput = Partial<z.input<typeof improvementToTaskSchema>>;

export const retroExportQuerySchema = z.object({ format: z.preprocess(blankToUndefined, z.enum(['docx', 'pdf'], 'invalid').default('docx')) });
