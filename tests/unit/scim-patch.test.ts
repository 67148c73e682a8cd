import { describe, expect, it } from 'vitest';
import { joinName, splitName } from '@/lib/scim/name-parts';
import { applyPatch, parsePatchBody } from '@/lib/scim/patch';
import { GROUP_PATCH_TARGET } from '@/lib/scim/group-resource';
import { USER_PATCH_TARGET } from '@/lib/scim/user-resource';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ops = (...operations: unknown[]) => parsePatchBody({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations });

const user = {
  id: 'u1',
  userName: 'ada@example.com',
  name: { formatted: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
  phoneNumbers: [{ value: '1', type: 'work' }, { value: '2', type: 'mobile' }],
  [ENTERPRISE]: { employeeNumber: 'E1' },
};

describe('SCIM PATCH', () => {
  it('merges a complex value into the attribute, keeping unnamed sub-attributes', () => {
    const result = applyPatch(user, ops({ op: 'replace', path: 'name', value: { givenName: 'Augusta' } }), USER_PATCH_TARGET);
    expect(result.name).toEqual({ formatted: 'Ada Lovelace', givenName: 'Augusta', familyName: 'Lovelace' });
    expect(user.name.givenName).toBe('Ada');
  });

  it('targets values of a multi-valued attribute by filter, and removes them', () => {
    const replaced = applyPatch(user, ops({ op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: '3' }), USER_PATCH_TARGET);
    expect(replaced.phoneNumbers).toEqual([{ value: '1', type: 'work' }, { value: '3', type: 'mobile' }]);
    const removed = applyPatch(user, ops({ op: 'remove', path: 'phoneNumbers[type eq "work"]' }), USER_PATCH_TARGET);
    expect(removed.phoneNumbers).toEqual([{ value: '2', type: 'mobile' }]);
    const added = applyPatch(user, ops({ op: 'add', path: 'phoneNumbers[type eq "fax"].value', value: '9' }), USER_PATCH_TARGET);
    expect(added.phoneNumbers).toContainEqual({ type: 'fax', value: '9' });
  });

  it('adds to multi-valued attributes without duplicating a value, and replaces them whole', () => {
    const group = { id: 'g', displayName: 'D', members: [{ value: 'a' }] };
    const added = applyPatch(group, ops({ op: 'add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] }), GROUP_PATCH_TARGET);
    expect(added.members).toEqual([{ value: 'a' }, { value: 'b' }]);
    const replaced = applyPatch(group, ops({ op: 'replace', path: 'members', value: [{ value: 'c' }] }), GROUP_PATCH_TARGET);
    expect(replaced.members).toEqual([{ value: 'c' }]);
    const cleared = applyPatch(group, ops({ op: 'remove', path: 'members' }), GROUP_PATCH_TARGET);
    expect(cleared.members).toEqual([]);
  });

  it('reads extension attributes by URN, with or without a path', () => {
    const byPath = applyPatch(user, ops({ op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: 'E2' }), USER_PATCH_TARGET);
    expect(byPath[ENTERPRISE]).toEqual({ employeeNumber: 'E2' });
    const byValue = applyPatch(user, ops({ op: 'add', value: { [ENTERPRISE]: { department: '研发部' } } }), USER_PATCH_TARGET);
    expect(byValue[ENTERPRISE]).toEqual({ employeeNumber: 'E1', department: '研发部' });
  });

  it('accepts standard attributes it does not keep, and refuses unknown ones', () => {
    expect(applyPatch(user, ops({ op: 'add', path: 'preferredLanguage', value: 'zh-CN' }), USER_PATCH_TARGET)).toEqual(user);
    expect(() => applyPatch(user, ops({ op: 'add', path: 'shoeSize', value: 44 }), USER_PATCH_TARGET)).toThrow(expect.objectContaining({ scimType: 'invalidPath' }));
    expect(() => applyPatch(user, ops({ op: 'add', path: 'title[type eq "x"]', value: 1 }), USER_PATCH_TARGET)).toThrow(expect.objectContaining({ scimType: 'invalidPath' }));
  });

  it('refuses a body that is not a PatchOp', () => {
    expect(() => parsePatchBody({ schemas: ['x'], Operations: [{ op: 'add', value: {} }] })).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
    expect(() => parsePatchBody({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [] })).toThrow(expect.objectContaining({ scimType: 'invalidSyntax' }));
  });
});

describe('SCIM name parts', () => {
  it('composes and splits Chinese and Western names the same way both directions', () => {
    expect(joinName('伟', '张')).toBe('张伟');
    expect(splitName('张伟')).toEqual({ familyName: '张', givenName: '伟' });
    expect(joinName('Mary Ann', 'Smith')).toBe('Mary Ann Smith');
    expect(splitName('Mary Ann Smith')).toEqual({ givenName: 'Mary Ann', familyName: 'Smith' });
    expect(splitName('Madonna')).toEqual({ givenName: 'Madonna' });
    expect(splitName('张')).toEqual({ givenName: '张' });
    expect(joinName('', '')).toBe('');
  });
});
