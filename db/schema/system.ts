import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './org';
import { spaces } from './spaces';
import { id } from './columns';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    /** Set for changes inside a space, whose admins see them in the space's own log. */
    spaceId: uuid().references(() => spaces.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    data: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_organization_id_created_at_idx').on(t.organizationId, t.createdAt),
    index('audit_events_space_id_created_at_idx').on(t.spaceId, t.createdAt),
  ],
);

/** Installation-wide values the app generates once and keeps (e.g. the session signing secret). */
export const appSettings = pgTable('app_settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type AuditEvent = typeof auditEvents.$inferSelect;
