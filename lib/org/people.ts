import { and, eq } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { getDb } from '@/db/client';
import { departments, users } from '@/db/schema';

/** A person as pickers show them, with what typing may match: name, email, pinyin and its initials. */
export interface PersonOption {
  id: string;
  name: string;
  email: string;
  departmentId: string | null;
  departmentName: string | null;
  searchKey: string;
}

/** 王芳 → "wangfang wf": people search colleagues by pinyin or its initials as often as by characters. */
export function pinyinKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
  return `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`.toLowerCase();
}

// Chinese readers expect names in pinyin order (陈, 董, 冯 …), not in code-point order.
const byPinyin = new Intl.Collator('zh-CN-u-co-pinyin');

/** Compares two names in pinyin order, for sorting people lists. */
export const comparePinyin = (a: string, b: string) => byPinyin.compare(a, b);

/** Active people of the organisation with their department, in pinyin order. */
export async function listActivePeople(organizationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, departmentId: users.departmentId, departmentName: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.organizationId, organizationId), eq(users.isActive, true)));
  return rows.sort((a, b) => comparePinyin(a.name, b.name));
}

/** People as pickers take them, each with the text typing may match. */
export function toPersonOptions(people: Omit<PersonOption, 'searchKey'>[]): PersonOption[] {
  return people.map(({ id, name, email, departmentId, departmentName }) => ({
    id, name, email, departmentId, departmentName, searchKey: `${name} ${email} ${pinyinKey(name)}`.toLowerCase(),
  }));
}

/** The organisation's active people for pickers. */
export async function listPeopleOptions(organizationId: string): Promise<PersonOption[]> {
  return toPersonOptions(await listActivePeople(organizationId));
}
