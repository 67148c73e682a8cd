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
  'meeting.run': { active: leads, archived: nobody },
  'meeting.addNotes': { active: contributors, archived: nobody },
  'feed.announce': { active: leads, archived: nobody },
  'kb.edit': { active: contributors, archived: nobody },
  'retro.edit': { active: leads, archived: nobody },
};
