import type { User } from '@/db/schema';
import { avatarUrl } from './avatar-rules';

/** The fields of a user that the API and other users may see (never the hash or session data). */
export function toPublicUser(user: User) {
  const { id, name, email, title, phone, avatarKey, departmentId, locale, timeZone, isOrgAdmin, isActive } = user;
  return { id, name, email, title, phone, avatarUrl: avatarUrl(avatarKey), departmentId, locale, timeZone, isOrgAdmin, isActive };
}
