import { asc, eq } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { milestones } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { loadOrNotFound } from '@/lib/http/page-data';
import { toPersonOptions } from '@/lib/org/people';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getTask } from './queries';

/** The people (members of the space), departments and milestones the task form and the filter bar offer; the space was authorised by getSpacePageData. */
export const getTaskFormOptions = cache(async (spaceId: string) => {
  const { space, members } = await getSpacePageData(spaceId);
  const db = await getDb();
  const [tree, phases] = await Promise.all([
    listDepartmentTree(space.organizationId),
    db.select({ id: milestones.id, phase: milestones.phase, name: milestones.name }).from(milestones).where(eq(milestones.spaceId, space.id)).orderBy(asc(milestones.plannedDate)),
  ]);
  return {
    milestones: phases.map((m) => ({ id: m.id, name: m.phase ? `${m.phase} · ${m.name}` : m.name })),
    members: toPersonOptions(members.map((m) => ({ id: m.userId, name: m.name, email: m.email, departmentId: m.departmentId, departmentName: m.departmentName }))),
    departments: flattenDepartmentTree(tree),
  };
});

/** A task of the space a page shows (404 when it is not in that space or not the visitor's to see). */
export const getTaskPageData = cache(async (spaceId: string, taskId: string) => {
  const spaceData = await getSpacePageData(spaceId);
  const view = await loadOrNotFound(() => getTask(userActor(spaceData.user), taskId));
  if (view.task.spaceId !== spaceData.space.id) notFound();
  return { ...spaceData, view };
});
