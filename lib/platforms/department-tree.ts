import type { z } from 'zod';
import type { DirectoryDepartment, DirectoryPerson, SkippedRecord } from '@/lib/directory/snapshot';

export interface ChildDepartment {
  externalId: string;
  name: string;
}

/**
 * Walks a platform's department tree breadth first from its root (the company itself, which is not
 * a department of ours: its children are top-level). A department met a second time (the
 * platform's data has a cycle, or lists it twice) is skipped, not walked again.
 */
export async function walkDepartmentTree(
  rootId: string,
  listChildren: (externalId: string) => Promise<{ children: ChildDepartment[]; skipped: SkippedRecord[] }>,
): Promise<{ departments: DirectoryDepartment[]; skipped: SkippedRecord[] }> {
  const departments: DirectoryDepartment[] = [];
  const skipped: SkippedRecord[] = [];
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    const parent = queue.shift()!;
    const result = await listChildren(parent);
    skipped.push(...result.skipped);
    for (const child of result.children) {
      if (seen.has(child.externalId)) {
        skipped.push({ record: `部门 ${child.name} (${child.externalId})`, reason: `部门在树中重复出现（${parent} 之下），可能存在循环` });
        continue;
      }
      seen.add(child.externalId);
      departments.push({ externalId: child.externalId, name: child.name, parentExternalId: parent === rootId ? null : parent });
      queue.push(child.externalId);
    }
  }
  return { departments, skipped };
}

export interface DepartmentPeopleReader<U> {
  /** The raw records of the people directly in one department, every page. */
  list: (departmentId: string) => Promise<unknown[]>;
  schema: z.ZodType<U>;
  /** The platform's id of a person, to read someone listed in several departments once. */
  idOf: (user: U) => string;
  /** A record that could not be read, named for the skipped list. */
  describe: (record: unknown) => string;
  toPerson: (user: U) => DirectoryPerson | SkippedRecord;
}

/**
 * Everyone in the given departments, each person once; a record that does not parse, or cannot
 * be a person, is skipped with its reason rather than failing the whole read.
 */
export async function readDepartmentPeople<U>(departmentIds: string[], reader: DepartmentPeopleReader<U>) {
  const people = new Map<string, DirectoryPerson>();
  const skipped: SkippedRecord[] = [];
  const seen = new Set<string>();
  for (const departmentId of departmentIds) {
    for (const record of await reader.list(departmentId)) {
      const parsed = reader.schema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        skipped.push({ record: reader.describe(record), reason: `无法读取：${issue?.path.join('.') || ''} ${issue?.message ?? ''}`.trim() });
        continue;
      }
      // Someone in several departments is listed once per department: read them once.
      const id = reader.idOf(parsed.data);
      if (seen.has(id)) continue;
      seen.add(id);
      const person = reader.toPerson(parsed.data);
      if ('reason' in person) skipped.push(person);
      else people.set(person.externalId, person);
    }
  }
  return { people: [...people.values()], skipped };
}
