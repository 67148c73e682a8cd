import { sql } from 'drizzle-orm';
import { type AnyPgColumn, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tsvector, updatedAt } from './columns';
import { organizations, users } from './org';
import { spaces } from './spaces';

/**
 * A knowledge-base page (知识库): a space's, or the organisation's when `spaceId` is null.
 * Pages form a tree under `parentId`. `version` rises with every save; a save names the version
 * it was based on, so a concurrent edit is detected instead of overwritten.
 */
export const kbPages = pgTable(
  'kb_pages',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    spaceId: uuid().references(() => spaces.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => kbPages.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    /** TipTap JSON, validated against the editor schema when saved. */
    content: jsonb().notNull(),
    version: integer().notNull().default(1),
    /** Order among siblings; fractional so a move writes one row. */
    position: doublePrecision().notNull().default(0),
    /** The space page this organisation page was promoted from, if any. */
    promotedFromId: uuid().references((): AnyPgColumn => kbPages.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Title and text, normalised (lib/search): global search checks hits against it. */
    searchText: text(),
    searchVector: tsvector(),
    /** The title's (name's) own vector: title hits, which rank first, found without reading the rest. */
    titleVector: tsvector(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('kb_pages_space_id_parent_id_idx').on(t.spaceId, t.parentId),
    index('kb_pages_organization_id_parent_id_idx').on(t.organizationId, t.parentId).where(sql`${t.spaceId} is null`),
    index('kb_pages_search_vector_idx').using('gin', t.searchVector),
    index('kb_pages_title_vector_idx').using('gin', t.titleVector),
    // Newest first within a space: the order global search walks a common word's hits in.
    index('kb_pages_space_id_updated_at_idx').on(t.spaceId, t.updatedAt),
  ],
);

/** Every saved state of a page, for its history, diff and restore. */
export const kbPageRevisions = pgTable(
  'kb_page_revisions',
  {
    id: id(),
    pageId: uuid().notNull().references(() => kbPages.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    title: text().notNull(),
    content: jsonb().notNull(),
    /** Set when this save restored an older version: that version's number. */
    restoredFrom: integer(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('kb_page_revisions_page_id_version_idx').on(t.pageId, t.version)],
);

/** A set of category tags (e.g. 类别, 部门, 阶段) that organisation admins manage. */
export const kbTagSets = pgTable(
  'kb_tag_sets',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('kb_tag_sets_name_idx').on(t.organizationId, sql`lower(${t.name})`)],
);

/** A category tag; pages carry tags only from their organisation's sets. */
export const kbTags = pgTable(
  'kb_tags',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    tagSetId: uuid().notNull().references(() => kbTagSets.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    color: text().notNull().default('slate'),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('kb_tags_organization_id_idx').on(t.organizationId),
    uniqueIndex('kb_tags_name_idx').on(t.tagSetId, sql`lower(${t.name})`),
  ],
);

export const kbPageTags = pgTable(
  'kb_page_tags',
  {
    pageId: uuid().notNull().references(() => kbPages.id, { onDelete: 'cascade' }),
    tagId: uuid().notNull().references(() => kbTags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.tagId] }), index('kb_page_tags_tag_id_idx').on(t.tagId)],
);

export type KbPage = typeof kbPages.$inferSelect;
export type NewKbPage = typeof kbPages.$inferInsert;
export type KbPageRevision = typeof kbPageRevisions.$inferSelect;
export type KbTagSet = typeof kbTagSets.$inferSelect;
export type KbTag = typeof kbTags.$inferSelect;
