import { z } from 'zod';
import type { CurrentPageState } from './conflict';
import type { PageListItem, PageView, RevisionItem } from './queries';
import { KB_TAG_COLORS } from './rules';

// Knowledge pages as the API returns them (times in UTC ISO), with the zod shapes the OpenAPI document shows.

const tag = z.object({ id: z.uuid(), tagSetId: z.uuid(), name: z.string(), color: z.enum(KB_TAG_COLORS) });

export const pageListItemSchema = z.object({
  id: z.uuid(), parentId: z.uuid().nullable(), title: z.string(), position: z.number(), updatedAt: z.iso.datetime(),
  updatedByName: z.string().nullable(), tags: z.array(tag),
});

export const pageResourceSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid().nullable().describe('Null: a page of the organisation’s knowledge base.'),
  parentId: z.uuid().nullable(),
  title: z.string(),
  content: z.unknown().describe('TipTap JSON'),
  version: z.int().describe('Send it back as `baseVersion` when saving.'),
  position: z.number(),
  promotedFromId: z.uuid().nullable(),
  tags: z.array(tag),
  updatedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  rights: z.object({ edit: z.boolean(), promote: z.boolean(), comment: z.boolean() }),
});

export const pageCurrentSchema = z.object({
  version: z.int(), title: z.string(), content: z.unknown().describe('TipTap JSON'), updatedByName: z.string().nullable(), updatedAt: z.iso.datetime(),
});

export const revisionResourceSchema = z.object({
  version: z.int(), title: z.string(), restoredFrom: z.int().nullable().describe('The version this save restored, if any.'),
  authorName: z.string().nullable(), createdAt: z.iso.datetime(),
});

const asTag = (t: { id: string; tagSetId: string; name: string; color: string }) => ({ ...t, color: t.color as (typeof KB_TAG_COLORS)[number] });

export function toPageListItem(item: PageListItem): z.infer<typeof pageListItemSchema> {
  return { ...item, updatedAt: item.updatedAt.toISOString(), tags: item.tags.map(asTag) };
}

export function toPageResource(view: PageView): z.infer<typeof pageResourceSchema> {
  const { page } = view;
  return {
    id: page.id, spaceId: page.spaceId, parentId: page.parentId, title: page.title, content: page.content, version: page.version,
    position: page.position, promotedFromId: page.promotedFromId, tags: view.tags.map(asTag), updatedByName: view.updatedByName,
    createdAt: page.createdAt.toISOString(), updatedAt: page.updatedAt.toISOString(), rights: view.rights,
  };
}

export const toPageCurrent = (current: CurrentPageState): z.infer<typeof pageCurrentSchema> => ({ ...current, updatedAt: current.updatedAt.toISOString() });

export const toRevisionResource = (r: RevisionItem): z.infer<typeof revisionResourceSchema> => ({ ...r, createdAt: r.createdAt.toISOString() });
