import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { departments, milestones, spaceMembers, tasks, users, type Space } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { addDays, daysBetween } from '@/lib/dates';
import { plainTextToDoc, richTextToPlainText } from '@/lib/rich-text/document';
import type { SpaceTemplateContent } from '@/lib/templates/space-template';
import { taskSearchColumns, type NewTaskRow } from './search-columns';

const DELIVERY_STANDARD = /交付标准[:：]/;

/** A template task's text holds its delivery standard after "交付标准："; the two are stored apart. */
function splitDescription(text: string) {
  const [description, standard] = text.split(DELIVERY_STANDARD, 2).map((part) => part.trim());
  return {
    description: description ? plainTextToDoc(description) : null,
    deliveryStandard: standard ? plainTextToDoc(standard) : null,
  };
}

/**
 * Turns a scenario template's starter plan into real rows of a new space: its tasks (due
 * `dueInDays` after the start, each owned by a member of the hinted department, or by the first
 * admin) and its milestones (the rows of the progress table, owned by the first admin).
 */
export async function createStarterPlan(tx: Transaction, actor: Actor, space: Space, content: SpaceTemplateContent, firstAdminId: string) {
  const [members, orgDepartments] = await Promise.all([
    tx
      .select({ userId: users.id, departmentId: users.departmentId, departmentName: departments.name })
      .from(spaceMembers)
      .innerJoin(users, eq(users.id, spaceMembers.userId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(spaceMembers.spaceId, space.id)),
    content.tasks.length
      ? tx
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(and(eq(departments.organizationId, space.organizationId), inArray(departments.name, content.tasks.flatMap((t) => t.departmentHint ?? []))))
      : Promise.resolve([]),
  ]);
  const firstAdmin = members.find((m) => m.userId === firstAdminId);
  const clampToSpace = (days: number) => addDays(space.startDate, days) > space.endDate ? space.endDate : addDays(space.startDate, days);

  const rows: NewTaskRow[] = content.tasks.map((task, index) => {
    const hinted = task.departmentHint ? members.find((m) => m.departmentName === task.departmentHint) : undefined;
    const owner = hinted ?? firstAdmin;
    const text = { name: task.name, ...splitDescription(task.description) };
    return {
      spaceId: space.id,
      number: index + 1,
      ...text,
      ...taskSearchColumns(text),
      priority: task.priority,
      dueDate: clampToSpace(task.dueInDays),
      assigneeId: owner?.userId ?? firstAdminId,
      departmentId: orgDepartments.find((d) => d.name === task.departmentHint)?.id ?? owner?.departmentId ?? null,
      rank: index + 1,
      createdBy: actorId(actor),
    };
  });
  if (rows.length) await tx.insert(tasks).values(rows);
  if (content.milestones.length) {
    await tx.insert(milestones).values(content.milestones.map((m, index) => ({
      spaceId: space.id, name: m.name, plannedDate: clampToSpace(m.dueInDays), ownerId: firstAdminId, position: index + 1,
    })));
  }
}

const TEMPLATE_TASKS_MAX = 100;
const TEMPLATE_MILESTONES_MAX = 50;

/**
 * The other direction: a space's own plan as a template's starter plan (its first 100 tasks and 50
 * milestones), with dates counted from the space's start and departments kept as name hints.
 */
export async function starterPlanOf(tx: Transaction, space: Space): Promise<Pick<SpaceTemplateContent, 'tasks' | 'milestones'>> {
  const [rows, planned] = await Promise.all([
    tx
      .select({ name: tasks.name, description: tasks.description, deliveryStandard: tasks.deliveryStandard, priority: tasks.priority, dueDate: tasks.dueDate, departmentName: departments.name })
      .from(tasks)
      .leftJoin(departments, eq(departments.id, tasks.departmentId))
      .where(eq(tasks.spaceId, space.id))
      .orderBy(asc(tasks.number))
      .limit(TEMPLATE_TASKS_MAX),
    tx.select({ name: milestones.name, plannedDate: milestones.plannedDate }).from(milestones).where(eq(milestones.spaceId, space.id)).orderBy(asc(milestones.plannedDate)).limit(TEMPLATE_MILESTONES_MAX),
  ]);
  const daysIn = (date: string) => Math.max(0, daysBetween(space.startDate, date));
  return {
    tasks: rows.map((r) => {
      const standard = richTextToPlainText(r.deliveryStandard);
      const text = [richTextToPlainText(r.description), standard && `交付标准：${standard}`].filter(Boolean).join('\n');
      return {
        name: r.name.slice(0, 200),
        description: text.slice(0, 2000),
        priority: r.priority,
        dueInDays: daysIn(r.dueDate),
        ...(r.departmentName ? { departmentHint: r.departmentName.slice(0, 60) } : {}),
      };
    }),
    milestones: planned.map((m) => ({ name: m.name.slice(0, 200), dueInDays: daysIn(m.plannedDate) })),
  };
}
