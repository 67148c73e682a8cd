import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A UUID primary key made by the app (not the database), so rows can be referenced before insert. */
export const id = () => uuid().primaryKey().$defaultFn(() => crypto.randomUUID());
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date());

/** A stored full-text vector: the app writes CJK bigrams into it (lib/search/cjk-bigrams). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
