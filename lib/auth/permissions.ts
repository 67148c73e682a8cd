import { Forbidden, NotFound } from '@/lib/errors';
import type { Actor } from './actor';

/**
 * The permission matrix. Organisation-level actions for now; space actions join this one table
 * when spaces arrive, so every rule of the product stays in one place.
 */
export type OrgAction = 'org.manageUsers' | 'org.manageDepartments' | 'org.viewAudit';

type OrgRole = 'system' | 'orgAdmin' | 'member';

const orgMatrix: Record<OrgAction, readonly OrgRole[]> = {
  'org.manageUsers': ['system', 'orgAdmin'],
  'org.manageDepartments': ['system', 'orgAdmin'],
  'org.viewAudit': ['system', 'orgAdmin'],
};

function orgRole(actor: Actor): OrgRole {
  if (actor.kind === 'system') return 'system';
  return actor.user.isOrgAdmin ? 'orgAdmin' : 'member';
}

export function canInOrg(actor: Actor, organizationId: string, action: OrgAction): boolean {
  if (actor.kind === 'user' && actor.user.organizationId !== organizationId) return false;
  return orgMatrix[action].includes(orgRole(actor));
}

/** Throws unless the actor may do `action` in the organisation; outsiders learn nothing (404). */
export function assertCanInOrg(actor: Actor, organizationId: string, action: OrgAction): void {
  if (actor.kind === 'user' && actor.user.organizationId !== organizationId) throw NotFound();
  if (!canInOrg(actor, organizationId, action)) throw Forbidden();
}
