import type { SpaceRole, SpaceStatus } from '@/db/schema';
import { Forbidden, NotFound } from '@/lib/errors';
import type { Actor } from './actor';

/**
 * The permission matrix: every action of the product, by role and (inside a space) by the space's
 * state. Services ask here and nowhere else, so the rules of the product live in one place.
 */

// ── Organisation ────────────────────────────────────────────────────────────────────────────
export type OrgAction = 'org.manageUsers' | 'org.manageDepartments' | 'org.viewAudit' | 'org.createSpace' | 'kb.read' | 'kb.editOrg' | 'kb.manageTags';

type OrgRole = 'system' | 'orgAdmin' | 'member';

const orgMatrix: Record<OrgAction, readonly OrgRole[]> = {
  'org.manageUsers': ['system', 'orgAdmin'],
  'org.manageDepartments': ['system', 'orgAdmin'],
  'org.viewAudit': ['system', 'orgAdmin'],
  'org.createSpace': ['system', 'orgAdmin', 'member'],
  // The organisation's knowledge base: every member reads it, admins write it and keep the tag sets.
  'kb.read': ['system', 'orgAdmin', 'member'],
  'kb.editOrg': ['system', 'orgAdmin'],
  'kb.manageTags': ['system', 'orgAdmin'],
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

// ── Spaces ──────────────────────────────────────────────────────────────────────────────────
export const SPACE_ACTIONS = [
  'space.view',
  'space.comment',
  'comment.moderate',
  'space.viewAudit',
  'space.manageSettings',
  'space.manageMembers',
  'space.archive',
  'space.unarchive',
  'space.saveAsTemplate',
  'task.create',
  'task.edit',
  'task.changeStatus',
  'task.delete',
  'milestone.manage',
  'chat.post',
  'chat.manageChannels',
  'file.upload',
  'file.manage',
  'meeting.schedule',
  'meeting.run',
  'meeting.addNotes',
  'feed.announce',
  'kb.edit',
  'kb.promote',
  'retro.edit',
  'space.export',
] as const;
export type SpaceAction = (typeof SPACE_ACTIONS)[number];

/**
 * How the actor stands in a space: a space admin (a member with the admin flag), a member by role,
 * an organisation admin who is not a member (governance only), or an outsider.
 */
export type SpaceStanding = 'spaceAdmin' | SpaceRole | 'orgAdmin' | 'nonMember';
export const SPACE_STANDINGS: readonly SpaceStanding[] = ['orgAdmin', 'spaceAdmin', 'owner', 'participant', 'observer', 'nonMember'];

const members: readonly SpaceStanding[] = ['spaceAdmin', 'owner', 'participant', 'observer'];
const contributors: readonly SpaceStanding[] = ['spaceAdmin', 'owner', 'participant'];
const leads: readonly SpaceStanding[] = ['spaceAdmin', 'owner'];
const governors: readonly SpaceStanding[] = ['orgAdmin', 'spaceAdmin'];

interface SpaceRule {
  who: readonly SpaceStanding[];
  /** The states the action makes sense in; an archived space is read-only, so writes list only 'active'. */
  states: readonly SpaceStatus[];
}

const active: readonly SpaceStatus[] = ['active'];
const always: readonly SpaceStatus[] = ['active', 'archived'];

const spaceMatrix: Record<SpaceAction, SpaceRule> = {
  'space.view': { who: [...members, 'orgAdmin'], states: always },
  // Observers read, and may comment on tasks and documents.
  'space.comment': { who: members, states: active },
  // Leads take down any comment; everyone else only their own.
  'comment.moderate': { who: leads, states: active },
  'space.viewAudit': { who: governors, states: always },
  'space.manageSettings': { who: governors, states: active },
  'space.manageMembers': { who: governors, states: active },
  'space.archive': { who: governors, states: active },
  'space.unarchive': { who: governors, states: ['archived'] },
  // Reads the space only: a finished, archived project is the usual source of a template.
  'space.saveAsTemplate': { who: governors, states: always },
  'task.create': { who: contributors, states: active },
  'task.edit': { who: contributors, states: active },
  'task.changeStatus': { who: contributors, states: active },
  'task.delete': { who: leads, states: active },
  'milestone.manage': { who: leads, states: active },
  'chat.post': { who: contributors, states: active },
  'chat.manageChannels': { who: leads, states: active },
  'file.upload': { who: contributors, states: active },
  'file.manage': { who: leads, states: active },
  // Contributors schedule meetings and keep the minutes of their own; leads may run any meeting.
  'meeting.schedule': { who: contributors, states: active },
  'meeting.run': { who: leads, states: active },
  // Every attendee adds notes, observers included, as they may comment.
  'meeting.addNotes': { who: members, states: active },
  'feed.announce': { who: leads, states: active },
  'kb.edit': { who: contributors, states: active },
  // Copies a page into the organisation's knowledge base: it reads the space only, so a finished,
  // archived project can hand on what it learned.
  'kb.promote': { who: [...leads, 'orgAdmin'], states: always },
  'retro.edit': { who: leads, states: active },
  // The whole space as a zip for records: what its leads and admins answer for; finished spaces most of all.
  'space.export': { who: [...leads, 'orgAdmin'], states: always },
};

/** What the matrix needs to know about a space and the actor's membership in it. */
export interface SpaceAccess {
  space: { organizationId: string; status: SpaceStatus };
  membership: { role: SpaceRole; isAdmin: boolean } | null;
}

export function spaceStanding(actor: Actor, access: SpaceAccess): SpaceStanding {
  if (actor.kind === 'system') return 'orgAdmin';
  if (actor.user.organizationId !== access.space.organizationId) return 'nonMember';
  if (access.membership) return access.membership.isAdmin ? 'spaceAdmin' : access.membership.role;
  return actor.user.isOrgAdmin ? 'orgAdmin' : 'nonMember';
}

/** The matrix itself, for a standing and a state (also what the table-driven test enumerates). */
export function spaceRuleAllows(standing: SpaceStanding, status: SpaceStatus, action: SpaceAction): boolean {
  const rule = spaceMatrix[action];
  return rule.who.includes(standing) && rule.states.includes(status);
}

export function canInSpace(actor: Actor, access: SpaceAccess, action: SpaceAction): boolean {
  return spaceRuleAllows(spaceStanding(actor, access), access.space.status, action);
}

/** Every action the actor may take in the space now (pages use it to show or hide controls). */
export function allowedSpaceActions(actor: Actor, access: SpaceAccess): Set<SpaceAction> {
  return new Set(SPACE_ACTIONS.filter((action) => canInSpace(actor, access, action)));
}

/**
 * Throws unless the actor may do `action`. Whoever may not even see the space gets 404, as if it
 * did not exist; a write to an archived space says so; anything else is 403.
 */
export function assertCanInSpace(actor: Actor, access: SpaceAccess, action: SpaceAction): void {
  if (canInSpace(actor, access, action)) return;
  if (!canInSpace(actor, access, 'space.view')) throw NotFound();
  const standing = spaceStanding(actor, access);
  const wouldBeAllowed = spaceMatrix[action].who.includes(standing);
  throw Forbidden(wouldBeAllowed && access.space.status === 'archived' ? 'spaceArchived' : 'forbidden');
}
