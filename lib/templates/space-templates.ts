import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { channels, departments, spaceDepartments, spaceTemplates } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { Invalid } from '@/lib/errors';
import { daysBetween } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/config';
import { authorizeSpace } from '@/lib/spaces/access';
import { starterPlanOf } from '@/lib/tasks/starter-plan';
import { isUuid, parseInput } from '@/lib/validation';
import { builtinSpaceTemplates } from './builtin-space-templates';
import { spaceTemplateContentSchema, type SpaceTemplateContent } from './space-template';

const BUILTIN_PREFIX = 'builtin:';

/** A scenario template as pages and the API show it, built-in or saved by the organisation. */
export interface SpaceTemplate {
  key: string;
  builtin: boolean;
  name: string;
  description: string | null;
  content: SpaceTemplateContent;
}

function builtinTemplate(template: (typeof builtinSpaceTemplates)[number], locale: Locale): SpaceTemplate {
  return {
    key: `${BUILTIN_PREFIX}${template.key}`,
    builtin: true,
    name: template.name[locale],
    description: template.description[locale],
    content: template.content,
  };
}

/** The four built-in templates, then the organisation's saved ones (oldest first). */
export async function listSpaceTemplates(actor: Actor, organizationId: string, locale: Locale): Promise<SpaceTemplate[]> {
  assertCanInOrg(actor, organizationId, 'org.createSpace');
  const db = await getDb();
  const saved = await db
    .select()
    .from(spaceTemplates)
    .where(eq(spaceTemplates.organizationId, organizationId))
    .orderBy(asc(spaceTemplates.createdAt));
  return [
    ...builtinSpaceTemplates.map((t) => builtinTemplate(t, locale)),
    ...saved.map((row) => ({
      key: row.id, builtin: false, name: row.name, description: row.description,
      content: spaceTemplateContentSchema.parse(row.content),
    })),
  ];
}

/** The template behind `key`, or `Invalid` on `templateKey` when the organisation has no such template. */
export async function resolveSpaceTemplate(actor: Actor, organizationId: string, key: string, locale: Locale = 'zh-CN') {
  if (key.startsWith(BUILTIN_PREFIX)) {
    const builtin = builtinSpaceTemplates.find((t) => `${BUILTIN_PREFIX}${t.key}` === key);
    if (builtin) return builtinTemplate(builtin, locale);
  } else if (isUuid(key)) {
    const found = (await listSpaceTemplates(actor, organizationId, locale)).find((t) => t.key === key);
    if (found) return found;
  }
  throw Invalid({ templateKey: ['templateUnknown'] });
}

export const saveSpaceTemplateSchema = z.object({
  name: z.string('required').trim().min(1, 'required').max(100, 'tooLong'),
  description: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(500, 'tooLong').optional()),
});
export type SaveSpaceTemplateInput = Partial<z.input<typeof saveSpaceTemplateSchema>>;

/**
 * Saves a space as a new template of its organisation (space or org admins): its goal, length and
 * departments, its tasks, milestones and public topic chats.
 */
export async function saveSpaceAsTemplate(actor: Actor, spaceId: string, input: SaveSpaceTemplateInput) {
  const data = parseInput(saveSpaceTemplateSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.saveAsTemplate');
    const departmentRows = await tx
      .select({ name: departments.name })
      .from(spaceDepartments)
      .innerJoin(departments, eq(departments.id, spaceDepartments.departmentId))
      .where(eq(spaceDepartments.spaceId, spaceId));
    // Tasks, milestones and public topic chats come from the space itself; the minutes outline still follows its template.
    const origin = space.templateKey
      ? await resolveSpaceTemplate(actor, space.organizationId, space.templateKey).catch(() => null)
      : null;
    const plan = await starterPlanOf(tx, space);
    const topicChannels = await tx.select({ name: channels.name, topic: channels.topic }).from(channels)
      .where(and(eq(channels.spaceId, spaceId), eq(channels.kind, 'topic'), eq(channels.isPrivate, false), isNull(channels.archivedAt)))
      .orderBy(asc(channels.createdAt))
      .limit(30);
    const content: SpaceTemplateContent = {
      goal: space.goal,
      durationDays: Math.max(1, daysBetween(space.startDate, space.endDate)),
      departmentHints: departmentRows.map((d) => d.name).slice(0, 20),
      tasks: plan.tasks,
      milestones: plan.milestones,
      channels: topicChannels.map((c) => ({ name: c.name, topic: c.topic ?? '' })),
      minutesOutline: origin?.content.minutesOutline ?? [],
    };
    const [template] = await tx
      .insert(spaceTemplates)
      .values({
        organizationId: space.organizationId, name: data.name, description: data.description ?? null,
        content: spaceTemplateContentSchema.parse(content), sourceSpaceId: spaceId, createdBy: actorId(actor),
      })
      .returning();
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: 'space.saveAsTemplate', targetType: 'spaceTemplate', targetId: template!.id,
      data: { after: { name: data.name } },
    });
    return template!;
  });
}

/** Department ids of the organisation whose names a template suggests, in the template's order. */
export async function matchDepartmentHints(organizationId: string, hints: string[]): Promise<string[]> {
  if (!hints.length) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), inArray(departments.name, hints)));
  return hints.flatMap((hint) => rows.filter((r) => r.name === hint).slice(0, 1).map((r) => r.id));
}
