import type { DirectoryPerson, DirectoryReader, DirectorySnapshot, SkippedRecord } from '@/lib/directory/snapshot';
import { type ChildDepartment, readDepartmentPeople, walkDepartmentTree } from '../department-tree';
import { type FeishuConfig, feishuConfigFromEnv } from './config';
import {
  FEISHU_ROOT_DEPARTMENT, feishuDepartmentSchema, feishuUserSchema, type FeishuUser,
  listFeishuChildDepartments, listFeishuDepartmentUsers,
} from './contacts';

/** Contact sync uses the sign-in app's credentials (it needs the contact read permissions). */
export function feishuDirectoryConfigFromEnv(): FeishuConfig | null {
  return feishuConfigFromEnv();
}

function describe(record: unknown): string {
  const { open_id, name } = (record ?? {}) as { open_id?: unknown; name?: unknown };
  return [typeof name === 'string' ? name : null, typeof open_id === 'string' ? `open_id ${open_id}` : null].filter(Boolean).join(' ') || JSON.stringify(record).slice(0, 80);
}

/**
 * A person as Feishu's contacts list them: known by user_id (stable in the tenant), else open_id
 * when the app may not read user ids; the main department is the one marked primary. Resigned,
 * frozen or exited people are leavers.
 */
function toPerson(user: FeishuUser, known: Set<string>): DirectoryPerson | SkippedRecord {
  const externalId = user.user_id ?? user.open_id;
  if (!user.name) return { record: `open_id ${user.open_id}`, reason: '没有姓名', externalId };
  const main = user.orders.find((o) => o.is_primary_dept)?.department_id ?? user.department_ids[0];
  const { is_resigned, is_frozen, is_exited } = user.status;
  return {
    externalId,
    name: user.name,
    email: user.enterprise_email ?? user.email,
    emailVerified: Boolean(user.enterprise_email),
    phone: user.mobile,
    title: user.job_title,
    employeeId: user.employee_no,
    departmentExternalId: main && known.has(main) ? main : null,
    active: !(is_resigned || is_frozen || is_exited),
  };
}

export function feishuDirectoryReader(config: FeishuConfig): DirectoryReader {
  return {
    source: 'feishu',
    async read(): Promise<DirectorySnapshot> {
      const tree = await walkDepartmentTree(FEISHU_ROOT_DEPARTMENT, async (parent) => {
        const result = { children: [] as ChildDepartment[], skipped: [] as SkippedRecord[] };
        for (const record of await listFeishuChildDepartments(config, parent)) {
          const parsed = feishuDepartmentSchema.safeParse(record);
          if (!parsed.success || !parsed.data.name.trim()) {
            result.skipped.push({ record: `部门 ${JSON.stringify(record).slice(0, 80)}`, reason: '缺少部门 ID 或名称' });
          } else if (!parsed.data.status.is_deleted) {
            result.children.push({ externalId: parsed.data.open_department_id, name: parsed.data.name.trim() });
          }
        }
        return result;
      });
      const known = new Set(tree.departments.map((d) => d.externalId));
      const { people, skipped } = await readDepartmentPeople([FEISHU_ROOT_DEPARTMENT, ...known], {
        list: (departmentId) => listFeishuDepartmentUsers(config, departmentId),
        schema: feishuUserSchema,
        idOf: (user) => user.open_id,
        describe,
        toPerson: (user) => toPerson(user, known),
      });
      return { source: 'feishu', departments: tree.departments, people, skipped: [...tree.skipped, ...skipped] };
    },
  };
}
