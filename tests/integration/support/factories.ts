import { randomBytes } from 'node:crypto';
import { systemActor } from '@/lib/auth/actor';
import { createDepartment } from '@/lib/org/department-service';
import { ensureOrganization } from '@/lib/org/service';
import { createUser } from '@/lib/org/user-admin-service';
import type { CreateUserInput } from '@/lib/org/schema';

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
