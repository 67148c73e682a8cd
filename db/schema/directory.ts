import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { departments, organizations, users } from './org';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { DIRECTORY_SOURCES, SYNC_RUN_STATUSES } from '../../lib/directory/rules';

/**
 * A person as a directory source knows them (LDAP entry, DingTalk/Feishu user, file row, SCIM
 * resource): (source, external id) names one of our users. `digest` is a hash of the last record
 * imported, so an unchanged record is skipped on the next run (incremental sync).
 */
export const directoryUserLinks = pgTable(
  'directory_user_links',
  {
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    source: text({ enum: DIRECTORY_SOURCES }).notNull(),
    externalId: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    digest: text(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.source, t.externalId] }),
    index('directory_user_links_user_id_idx').on(t.userId),
  ],
);

/** A department as a directory source knows it; see directoryUserLinks. */
export const directoryDepartmentLinks = pgTable(
  'directory_department_links',
  {
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    source: text({ enum: DIRECTORY_SOURCES }).notNull(),
    externalId: text().notNull(),
    departmentId: uuid().notNull().references(() => departments.id, { onDelete: 'cascade' }),
    digest: text(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.source, t.externalId] }),
    index('directory_department_links_department_id_idx').on(t.departmentId),
  ],
);

/**
 * One directory sync, a dry run (the diff an admin reviews) or an applied one. `report` holds the
 * counts, the planned or applied changes and the skipped records with their reasons.
 */
export const directorySyncRuns = pgTable(
  'directory_sync_runs',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    source: text({ enum: DIRECTORY_SOURCES }).notNull(),
    dryRun: boolean().notNull(),
    status: text({ enum: SYNC_RUN_STATUSES }).notNull().default('running'),
    /** Who started it; null for the schedule. */
    triggeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    report: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('directory_sync_runs_organization_id_started_at_idx').on(t.organizationId, t.startedAt)],
);

/** A bearer token an identity provider (Okta, Azure AD, Authing) uses for SCIM provisioning. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text().notNull().unique(),
    prefix: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    requestCount: integer().notNull().default(0),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('scim_tokens_organization_id_idx').on(t.organizationId)],
);

export type DirectoryUserLink = typeof directoryUserLinks.$inferSelect;
export type DirectoryDepartmentLink = typeof directoryDepartmentLinks.$inferSelect;
export type DirectorySyncRun = typeof directorySyncRuns.$inferSelect;
export type ScimToken = typeof scimTokens.$inferSelect;
