import { describe, expect, it } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import {
  assertCanInSpace, SPACE_ACTIONS, SPACE_STANDINGS, spaceRuleAllows, spaceStanding, type SpaceAccess,
} from '@/lib/auth/permissions';
import { spacePermissionSpec } from '../support/space-permission-spec';

const ORG = '00000000-0000-4000-8000-000000000001';
const member = (role: 'owner' | 'participant' | 'observer', isAdmin = false) => ({ role, isAdmin });
const access = (status: 'active' | 'archived', membership: SpaceAccess['membership']): SpaceAccess => ({
  space: { organizationId: ORG, status }, membership,
});
const person = (isOrgAdmin = false, organizationId = ORG) => userActor({ id: crypto.randomUUID(), organizationId, isOrgAdmin });

describe('the space permission matrix', () => {
  for (const status of ['active', 'archived'] as const) {
    for (const standing of SPACE_STANDINGS) {
      it(`matches the specification for ${standing} in an ${status} space`, () => {
        const allowed = SPACE_ACTIONS.filter((action) => spaceRuleAllows(standing, status, action));
        const expected = SPACE_ACTIONS.filter((action) => spacePermissionSpec[action][status].includes(standing));
        expect(allowed).toEqual(expected);
      });
    }
  }

  it('lets nobody write in an archived space: only viewing, the audit log, unarchiving, saving as a template, exporting and promoting pages to the organisation remain', () => {
    const archivedActions = SPACE_ACTIONS.filter((action) => SPACE_STANDINGS.some((s) => spaceRuleAllows(s, 'archived', action)));
    expect(archivedActions.sort()).toEqual(['kb.promote', 'space.export', 'space.saveAsTemplate', 'space.unarchive', 'space.view', 'space.viewAudit']);
  });

  it('derives the standing from membership first, then the org admin flag; other organisations are outsiders', () => {
    expect(spaceStanding(person(), access('active', member('observer', true)))).toBe('spaceAdmin');
    expect(spaceStanding(person(true), access('active', member('observer')))).toBe('observer');
    expect(spaceStanding(person(true), access('active', null))).toBe('orgAdmin');
    expect(spaceStanding(person(), access('active', null))).toBe('nonMember');
    expect(spaceStanding(person(true, crypto.randomUUID()), access('active', null))).toBe('nonMember');
  });

  it('answers outsiders as if the space did not exist, and says when a space is archived', () => {
    expect(() => assertCanInSpace(person(), access('active', null), 'space.view')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => assertCanInSpace(person(), access('active', member('observer')), 'task.create')).toThrow(
      expect.objectContaining({ status: 403, messageKey: 'forbidden' }),
    );
    expect(() => assertCanInSpace(person(), access('archived', member('participant')), 'task.create')).toThrow(
      expect.objectContaining({ status: 403, messageKey: 'spaceArchived' }),
    );
    expect(() => assertCanInSpace(person(), access('active', member('participant')), 'task.create')).not.toThrow();
  });
});
