/** A page and every page below it, from a knowledge base's pages (any order). */
export function pageWithDescendants(pages: readonly { id: string; parentId: string | null }[], pageId: string): Set<string> {
  const found = new Set([pageId]);
  // Walk down until no new page joins: the tree is small, and this needs no order.
  for (let grew = true; grew;) {
    grew = false;
    for (const page of pages) {
      if (page.parentId && found.has(page.parentId) && !found.has(page.id)) {
        found.add(page.id);
        grew = true;
      }
    }
  }
  return found;
}
