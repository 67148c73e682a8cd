import type { User } from '@/db/schema';

/** The fields of a user that the API and other users may see (never the hash or session data). */
export function toPublicUser(user: User) {
  const { id, name, email, title, phone, avatarUrl, departmentId, locale, timeZone, isOrgAdmin, isActive } = user;
  return { id, name, email, title, phone, avatarUrl, departmentId, locale, timeZone, isOrgAdmin, isActive };
}
