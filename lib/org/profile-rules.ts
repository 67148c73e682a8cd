import type { User } from '@/db/schema';

/**
 * A profile is complete with a name, a department and a contact number (asked on first sign-in).
 * In an organisation without departments yet (a new SSO installation) nobody can pick one, so
 * the department waits until an admin creates them.
 */
export function isProfileComplete(user: Pick<User, 'name' | 'departmentId' | 'phone'>, departmentsExist = true): boolean {
  return Boolean(user.name?.trim() && (user.departmentId || !departmentsExist) && user.phone?.trim());
}
