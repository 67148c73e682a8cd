import type { User } from '@/db/schema';

/** A profile is complete with a name, a department and a contact number (asked on first sign-in). */
export function isProfileComplete(user: Pick<User, 'name' | 'departmentId' | 'phone'>): boolean {
  return Boolean(user.name?.trim() && user.departmentId && user.phone?.trim());
}
