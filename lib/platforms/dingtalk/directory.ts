import type { DirectoryPerson, DirectoryReader, DirectorySnapshot, SkippedRecord } from '@/lib/directory/snapshot';
import { readDepartmentPeople, walkDepartmentTree } from '../department-tree';
import { type DingtalkConfig, dingtalkConfigFromEnv } from './config';
import {
  DINGTALK_ROOT_DEPARTMENT, dingtalkDepartmentSchema, dingtalkUserSchema, type DingtalkUser,
  listDingtalkDepartmentUsers, listDingtalkSubDepartments,
} from './contacts';

/** Contact sync uses the sign-in app's credentials (it needs the contact read permissions). */
export function dingtalkDirectoryConfigFromEnv(): DingtalkConfig | null {
  return dingtalkConfigFromEnv();
}

function describe(record: unknown): string {
  const { userid, name } = (record ?? {}) as { userid?: unknown; name?: unknown };
  return [typeof name === 'string' ? name : null, typeof userid === 'string' ? `userid ${userid}` : null].filter(Boolean).join(' ') || JSON.stringify(record).slice(0, 80);
}

/**
 * A person as the organisation's DingTalk contacts list them. DingTalk removes leavers from its
 * contacts (the sync engine deactivates whoever is missing); its `active` only says whether the
 * person has activated the app yet, so it does not make anyone a leaver.
 */
function toPerson(user: DingtalkUser, known: Set<string>): DirectoryPerson | SkippedRecord {
  if (!user.name) return { record: `userid ${user.userid}`, reason: '没有姓名', externalId: user.userid };
  const main = user.dept_id_list.map(String).find((id) => id !== String(DINGTALK_ROOT_DEPARTMENT));
  return {
    externalId: user.userid,
    name: user.name,
    email: user.org_email ?? user.email,
    emailVerified: Boolean(user.org_email),
    phone: user.mobile,
    title: user.title,
    employeeId: user.job_number,
    departmentExternalId: main && known.has(main) ? main : null,
    active: true,
  };
}

export function dingtalkDirectoryReader(config: DingtalkConfig): DirectoryReader {
  return {
    source: 'dingtalk',
    async read(): Promise<DirectorySnapshot> {
      const root = String(DINGTALK_ROOT_DEPARTMENT);
      const tree = await walkDepartmentTree(root, async (parent) => {
        const result = { children: [] as { externalId: string; name: string }[], skipped: [] as SkippedRecord[] };
        for (const record of await listDingtalkSubDepartments(config, Number(parent))) {
          const parsed = dingtalkDepartmentSchema.safeParse(record);
          if (!parsed.success || !parsed.data.name.trim()) {
            result.skipped.push({ record: `部门 ${JSON.stringify(record).slice(0, 80)}`, reason: '缺少部门 ID 或名称' });
          } else {
            result.children.push({ externalId: String(parsed.data.dept_id), name: parsed.data.name.trim() });
          }
        }
        return result;
      });
      const known = new Set(tree.departments.map((d) => d.externalId));
      const { people, skipped } = await readDepartmentPeople([root, ...known], {
        list: (deptId) => listDingtalkDepartmentUsers(config, Number(deptId)),
        schema: dingtalkUserSchema,
        idOf: (user) => user.userid,
        describe,
        toPerson: (user) => toPerson(user, known),
      });
      return { source: 'dingtalk', departments: tree.departments, people, skipped: [...tree.skipped, ...skipped] };
    },
  };
}
