import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { departments, organizations, users } from './org';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { SPACE_ROLES, SPACE_STATUSES } from '../../lib/spaces/rules';

export { SPACE_ROLES, SPACE_STATUSES, type SpaceRole, type SpaceStatus } from '../../lib/spaces/rules';

/** A collaboration space (协作空间): where one cross-department project lives. */
export const spaces = pgTable(
  'spaces',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    goal: text().notNull(),
    description: text(),
    coverColor: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** An archived space is read-only for everyone until an admin unarchives it. */
    status: text({ enum: SPACE_STATUSES }).notNull().default('active'),
    archivedAt: timestamp({ withTimezone: true }),
    /** The scenario template it was created from (`builtin:…` or a saved template's id), if any. */
    templateKey: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('spaces_organization_id_status_idx').on(t.organizationId, t.status)],
);

/** The departments taking part in a space (参与部门). */
export const spaceDepartments = pgTable(
  'space_departments',
  {
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    departmentId: uuid().notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.departmentId] }), index('space_departments_department_id_idx').on(t.departmentId)],
);

export const spaceMembers = pgTable(
  'space_members',
  {
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: SPACE_ROLES }).notNull(),
    /** 空间管理员: manages members and settings; a space has one or two. */
    isAdmin: boolean().notNull().default(false),
    /** The member muted the space: nothing of it reaches their notification centre. */
    notificationsMuted: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] }), index('space_members_user_id_idx').on(t.userId)],
);

/** Scenario templates an organisation saved from its own spaces (the four built-ins live in code). */
export const spaceTemplates = pgTable(
  'space_templates',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    /** `SpaceTemplateContent` (lib/templates/space-template.ts), validated when saved. */
    content: jsonb().notNull(),
    sourceSpaceId: uuid().references(() => spaces.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('space_templates_organization_id_idx').on(t.organizationId)],
);

export type Space = typeof spaces.$inferSelect;
export type NewSpace = typeof spaces.$inferInsert;
export type SpaceMember = typeof spaceMembers.$inferSelect;
export type SpaceTemplateRow = typeof spaceTemplates.$inferSelect;
