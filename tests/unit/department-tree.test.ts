import { describe, expect, it } from 'vitest';
import type { Department } from '@/db/schema';
import { buildDepartmentTree } from '@/lib/org/queries';

const row = (id: string, parentId: string | null, sortOrder = 0): Department => ({
  id, parentId, sortOrder, name: id, organizationId: 'org', createdAt: new Date(0),
});

describe('buildDepartmentTree', () => {
  it('nests children under their parents and keeps the given order', () => {
    const tree = buildDepartmentTree([row('研发部', null, 0), row('市场部', null, 1), row('前端组', '研发部'), row('后端组', '研发部')]);
    expect(tree.map((node) => node.id)).toEqual(['研发部', '市场部']);
    expect(tree[0]!.children.map((node) => node.id)).toEqual(['前端组', '后端组']);
    expect(tree[1]!.children).toEqual([]);
  });

  it('treats a department whose parent is missing as a root rather than losing it', () => {
    expect(buildDepartmentTree([row('孤立组', 'gone')]).map((node) => node.id)).toEqual(['孤立组']);
  });
});
