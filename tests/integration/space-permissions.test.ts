import { describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { systemActor, userActor, type Actor } from '@/lib/auth/actor';
import { SPACE_STANDINGS, type SpaceAction, type SpaceStanding } from '@/lib/auth/permissions';
import { addComment } from '@/lib/comments/service';
import { openSpaceExport } from '@/lib/export/space-export';
import { getRetrospective } from '@/lib/retro/queries';
import { saveRetrospective } from '@/lib/retro/service';
import { addSpaceMembers } from '@/lib/spaces/members';
import { getSpace, listSpaceAudit } from '@/lib/spaces/queries';
import { archiveSpace, unarchiveSpace, updateSpace } from '@/lib/spaces/service';
import { createMilestone } from '@/lib/tasks/milestones';
import { createTask, deleteTask, updateTask } from '@/lib/tasks/service';
import { saveSpaceAsTemplate } from '@/lib/templates/space-templates';
import { expectedOutcome } from '../support/space-permission-spec';
import { setupTestDatabase } from './support/database';
import { freshTask, seedSpaceWithTask, seedUser, type SeededSpaceWithTask } from './support/factories';

setupTestDatabase();

type Seeded = SeededSpaceWithTask;

/** Each action that has a service yet, called as a user would; later issues add theirs here. */
const operations: Partial<Record<SpaceAction, (actor: Actor, seeded: Seeded) => Promise<unknown>>> = {
  'space.view': (actor, { space }) => getSpace(actor, space.id),
  'space.comment': (actor, { task }) => addComment(actor, { targetType: 'task', targetId: task.id, body: '评论' }),
  'space.viewAudit': (actor, { space }) => listSpaceAudit(actor, space.id),
  'space.manageSettings': (actor, { space }) => updateSpace(actor, space.id, { goal: `目标 ${Date.now()}` }),
  'space.manageMembers': async (actor, { space, department }) => {
    const newcomer = await seedUser({ departmentId: department.id });
    return addSpaceMembers(actor, space.id, { userIds: [newcomer.id] });
  },
  'space.archive': async (actor, { space }) => {
    await archiveSpace(actor, space.id);
    await unarchiveSpace(systemActor, space.id); // put it back for the next case
  },
  'space.unarchive': async (actor, { space }) => {
    await unarchiveSpace(actor, space.id);
    await archiveSpace(systemActor, space.id);
  },
  'space.saveAsTemplate': (actor, { space }) => saveSpaceAsTemplate(actor, space.id, { name: '复用模板' }),
  'task.create': (actor, seeded) => createTask(actor, seeded.space.id, { name: '新任务', dueDate: '2026-12-10', assigneeId: seeded.participant.id }),
  'task.edit': (actor, { task }) => updateTask(actor, task.id, { notes: `备注 ${Date.now()}` }),
  'task.changeStatus': (actor, { task }) => updateTask(actor, task.id, { status: 'in_progress' }),
  'task.delete': async (actor, seeded) => deleteTask(actor, (await freshTask(seeded)).id),
  'milestone.manage': (actor, { space }) => createMilestone(actor, space.id, { name: '里程碑', plannedDate: '2027-01-15' }),
  'retro.edit': async (actor, { space }) => {
    const { version } = await getRetrospective(systemActor, space.id);
    return saveRetrospective(actor, space.id, { version, goals: [], problems: [], improvements: [], summary: '' });
  },
  'space.export': async (actor, { space }) => {
    const { body } = await openSpaceExport(actor, space.id, 'zh-CN', 'Asia/Shanghai');
    await new Response(body).arrayBuffer();
  },
};

function actorFor(standing: SpaceStanding, seeded: Seeded, orgAdmin: User): Actor {
  const users: Record<SpaceStanding, User> = {
    orgAdmin, spaceAdmin: seeded.admin, owner: seeded.owner, participant: seeded.participant,
    observer: seeded.observer, nonMember: seeded.outsider,
  };
  return userActor(users[standing]);
}

async function outcome(run: () => Promise<unknown>) {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { status?: number }).status ?? error;
  }
}

describe('the permission matrix through the service layer', () => {
  for (const status of ['active', 'archived'] as const) {
    it(`holds for every role in an ${status} space`, async () => {
      const seeded = await seedSpaceWithTask();
      const orgAdmin = await seedUser({ isOrgAdmin: true });
      if (status === 'archived') await archiveSpace(systemActor, seeded.space.id);
      const mismatches: string[] = [];
      for (const [action, run] of Object.entries(operations) as [SpaceAction, NonNullable<(typeof operations)[SpaceAction]>][]) {
        for (const standing of SPACE_STANDINGS) {
          const expected = expectedOutcome(action, standing, status);
          const actual = await outcome(() => run(actorFor(standing, seeded, orgAdmin), seeded));
          if (actual !== expected) mismatches.push(`${standing} ${action}: expected ${expected}, got ${String(actual)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('treats a space of another organisation as not existing, even for that visitor’s org admin', async () => {
    const seeded = await seedSpaceWithTask();
    const elsewhere = userActor({ id: crypto.randomUUID(), organizationId: crypto.randomUUID(), isOrgAdmin: true });
    for (const run of Object.values(operations)) {
      expect(await outcome(() => run!(elsewhere, seeded))).toBe(404);
    }
  });
});
