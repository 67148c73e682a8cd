import Link from 'next/link';
import type { PageListItem } from '@/lib/kb/queries';

type Node = Pick<PageListItem, 'id' | 'parentId' | 'title'>;

/** The pages as a nested list under their parents (the list arrives in sibling order). */
export function PageTree({ pages, base, currentId, label }: { pages: Node[]; base: string; currentId?: string; label: string }) {
  const children = new Map<string | null, Node[]>();
  const ids = new Set(pages.map((p) => p.id));
  // A page whose parent is gone shows at the top rather than nowhere.
  for (const page of pages) {
    const parent = page.parentId && ids.has(page.parentId) ? page.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const level = (parentId: string | null, depth: number) => (
    <ul className={depth ? 'ml-3 border-l border-slate-200 pl-2' : ''}>
      {(children.get(parentId) ?? []).map((page) => (
        <li key={page.id}>
          <Link
            href={`${base}/${page.id}`}
            aria-current={page.id === currentId ? 'page' : undefined}
            className={`block truncate rounded px-2 py-1.5 text-sm ${page.id === currentId ? 'bg-brand-50 font-medium text-brand-800' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {page.title}
          </Link>
          {children.has(page.id) && level(page.id, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return <nav aria-label={label} data-testid="kb-tree">{level(null, 0)}</nav>;
}
