import { notFound } from 'next/navigation';
import { cache } from 'react';
import { userActor } from '@/lib/auth/actor';
import { loadOrNotFound } from '@/lib/http/page-data';
import { toPersonOptions } from '@/lib/org/people';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getTask } from './queries';

/** The people (members of the space) and departments the task form and the filter bar offer. */
export const getTaskFormOptions = cache(async (spaceId: string) => {
  const { space, members } = await getSpacePageData(spaceId);
  const tree = await listDepartmentTree(space.organizationId);
  return {
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
