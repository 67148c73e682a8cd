import { randomBytes } from 'node:crypto';
import { systemActor, userActor } from '@/lib/auth/actor';
import { createDepartment } from '@/lib/org/department-service';
import { ensureOrganization } from '@/lib/org/service';
import { createUser } from '@/lib/org/user-admin-service';
import type { CreateUserInput } from '@/lib/org/schema';
import { addSpaceMembers } from '@/lib/spaces/members';
import type { CreateSpaceInput } from '@/lib/spaces/schema';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { spaces, type Task } from '@/db/schema';
import { archiveSpace, createSpace, unarchiveSpace } from '@/lib/spaces/service';
import type { CreateTaskInput } from '@/lib/tasks/schema';
import { createTask } from '@/lib/tasks/service';

export const TEST_PASSWORD = 'correct-horse-battery';

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomBytes(5).toString('hex')}@test.example.com`;
}

export async function seedOrganization() {
  return ensureOrganization('测试公司');
}

export async function seedDepartment(organizationId: string, name = `部门-${randomBytes(3).toString('hex')}`, parentId?: string) {
  return createDepartment(systemActor, organizationId, { name, parentId });
}

export async function seedUser(overrides: Partial<CreateUserInput> = {}) {
  const organization = await seedOrganization();
  return createUser(systemActor, organization.id, {
    email: uniqueEmail(),
    name: '测试用户',
    password: TEST_PASSWORD,
    ...overrides,
  });
}

/**
 * A space with one department and, for each role, a fresh member: an admin (负责人 with the admin
 * flag), an owner, a participant and an observer; plus an outsider of the same organisation.
 */
export async function seedSpace(overrides: Partial<CreateSpaceInput> = {}) {
  const organization = await seedOrganization();
  const department = await seedDepartment(organization.id);
  const [admin, owner, participant, observer, outsider] = await Promise.all(
    ['管理员', '负责人', '参与者', '观察者', '局外人'].map((name) => seedUser({ name, departmentId: department.id })),
  );
  const space = await createSpace(userActor(admin!), organization.id, {
    name: `空间-${randomBytes(3).toString('hex')}`,
    goal: '三个月内完成新品上市',
    startDate: '2026-12-01',
    endDate: '2027-02-28',
    departmentIds: [department.id],
    adminIds: [admin!.id],
    ...overrides,
  });
  await addSpaceMembers(systemActor, space.id, { userIds: [owner!.id], role: 'owner' });
  await addSpaceMembers(systemActor, space.id, { userIds: [participant!.id], role: 'participant' });
  await addSpaceMembers(systemActor, space.id, { userIds: [observer!.id], role: 'observer' });
  return { organization, department, space, admin: admin!, owner: owner!, participant: participant!, observer: observer!, outsider: outsider! };
}

type SeededSpace = Awaited<ReturnType<typeof seedSpace>>;

/** A task in a seeded space, created by its admin and assigned to its participant unless told otherwise. */
export async function seedTask(seeded: Pick<SeededSpace, 'space' | 'admin' | 'participant'>, overrides: CreateTaskInput = {}) {
  return createTask(userActor(seeded.admin), seeded.space.id, {
    name: `任务-${randomBytes(3).toString('hex')}`,
    dueDate: '2026-12-20',
    assigneeId: seeded.participant.id,
    ...overrides,
  });
}

export type SeededSpaceWithTask = SeededSpace & { task: Task };

/** A seeded space with one task in it (permission tables act on it). */
export async function seedSpaceWithTask(): Promise<SeededSpaceWithTask> {
  const seeded = await seedSpace();
  return { ...seeded, task: await seedTask(seeded) };
}

/** A new task to act on; in an archived space it is made while the space is briefly open again. */
export async function freshTask(seeded: SeededSpace): Promise<Task> {
  const db = await getDb();
  const [space] = await db.select({ status: spaces.status }).from(spaces).where(eq(spaces.id, seeded.space.id));
  if (space!.status === 'active') return seedTask(seeded);
  await unarchiveSpace(systemActor, seeded.space.id);
  const task = await seedTask(seeded);
  await archiveSpace(systemActor, seeded.space.id);
  return task;
}
