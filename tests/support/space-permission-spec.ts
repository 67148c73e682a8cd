import type { SpaceAction, SpaceStanding } from '@/lib/auth/permissions';

/**
 * The product's permission rules written out by hand, as the specification the matrix in
 * lib/auth/permissions.ts must match: who may do what in an active and in an archived space.
 */
const everyMember: SpaceStanding[] = ['spaceAdmin', 'owner', 'participant', 'observer'];
const contributors: SpaceStanding[] = ['spaceAdmin', 'owner', 'participant'];
const leads: SpaceStanding[] = ['spaceAdmin', 'owner'];
const admins: SpaceStanding[] = ['orgAdmin', 'spaceAdmin'];
const nobody: SpaceStanding[] = [];

export const spacePermissionSpec: Record<SpaceAction, { active: SpaceStanding[]; archived: SpaceStanding[] }> = {
  'space.view': { active: [...everyMember, 'orgAdmin'], archived: [...everyMember, 'orgAdmin'] },
  'space.comment': { active: everyMember, archived: nobody },
  'comment.moderate': { active: leads, archived: nobody },
  'space.viewAudit': { active: admins, archived: admins },
  'space.manageSettings': { active: admins, archived: nobody },
  'space.manageMembers': { active: admins, archived: nobody },
  'space.archive': { active: admins, archived: nobody },
  'space.unarchive': { active: nobody, archived: admins },
  'space.saveAsTemplate': { active: admins, archived: admins },
  'task.create': { active: contributors, archived: nobody },
  'task.edit': { active: contributors, archived: nobody },
  'task.changeStatus': { active: contributors, archived: nobody },
  'task.delete': { active: leads, archived: nobody },
  'milestone.manage': { active: leads, archived: nobody },
  'chat.post': { active: contributors, archived: nobody },
  'chat.manageChannels': { active: leads, archived: nobody },
  'file.upload': { active: contributors, archived: nobody },
  'file.manage': { active: leads, archived: nobody },
  'meeting.schedule': { active: contributors, archived: nobody },
  'meeting.run': { active: leads, archived: nobody },
  'meeting.addNotes': { active: everyMember, archived: nobody },
  'feed.announce': { active: leads, archived: nobody },
  'kb.edit': { active: contributors, archived: nobody },
  'kb.promote': { active: [...leads, 'orgAdmin'], archived: [...leads, 'orgAdmin'] },
  'retro.edit': { active: leads, archived: nobody },
  'space.export': { active: [...leads, 'orgAdmin'], archived: [...leads, 'orgAdmin'] },
};

/**
 * What a service or endpoint must answer for an action: success, 404 for whoever may not see the
 * space, 409 when an admin asks for the state the space is already in, else 403.
 */
export function expectedOutcome(action: SpaceAction, standing: SpaceStanding, status: 'active' | 'archived'): 'ok' | 403 | 404 | 409 {
  if (spacePermissionSpec[action][status].includes(standing)) return 'ok';
  if (!spacePermissionSpec['space.view'][status].includes(standing)) return 404;
  const governs = spacePermissionSpec['space.viewAudit'][status].includes(standing);
  const sameState = (action === 'space.archive' && status === 'archived') || (action === 'space.unarchive' && status === 'active');
  return governs && sameState ? 409 : 403;
}
