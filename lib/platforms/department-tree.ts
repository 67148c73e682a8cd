import type { DirectoryDepartment, SkippedRecord } from '@/lib/directory/snapshot';

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
