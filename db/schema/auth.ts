import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';
import { id } from './columns';

export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    id: id(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text().notNull().unique(),
    /** First characters of the token, so people can tell their tokens apart. */
    prefix: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('personal_access_tokens_user_id_idx').on(t.userId)],
);

/** A user's account at an external identity provider: (provider, subject) names one person. */
export const userIdentities = pgTable(
  'user_identities',
  {
    provider: text().notNull(),
    subject: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('user_identities_user_id_idx').on(t.userId)],
);

/** A one-time link an admin hands to a new colleague to set their password and sign in. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the link's token; the token itself is only in the link. */
    tokenHash: text().notNull().unique(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_user_id_idx').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    email: text().notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_created_at_idx').on(t.email, t.createdAt)],
);

export type PersonalAccessToken = typeof personalAccessTokens.$inferSelect;
