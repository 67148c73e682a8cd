import { describe, expect, it } from 'vitest';
import { systemActor, userActor } from '@/lib/auth/actor';
import { assertCanInOrg, canInOrg } from '@/lib/auth/permissions';
import { safeCallbackPath, signInSchema } from '@/lib/auth/schema';
import { collectFieldErrors } from '@/lib/validation';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER_ORG = '00000000-0000-4000-8000-000000000002';
const admin = userActor({ id: 'a', organizationId: ORG, isOrgAdmin: true });
const member = userActor({ id: 'm', organizationId: ORG, isOrgAdmin: false });

describe('safeCallbackPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeCallbackPath('/spaces/1?tab=tasks')).toBe('/spaces/1?tab=tasks');
  });

  it('refuses other origins and protocol-relative tricks', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeCallbackPath(value)).toBe('/');
    }
  });
});

describe('signInSchema', () => {
  it('normalises the email to lower case and trims it', () => {
    expect(signInSchema.parse({ email: '  Wang.Fang@Demo.Example.com ', password: 'x' }).email).toBe('wang.fang@demo.example.com');
  });

  it('reports every missing field at once, as catalogue keys', () => {
    const result = signInSchema.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    expect(collectFieldErrors(result.error!)).toEqual({ email: ['required'], password: ['required'] });
  });

  it('rejects a malformed email', () => {
    const result = signInSchema.safeParse({ email: 'not-an-email', password: 'x' });
    expect(collectFieldErrors(result.error!)).toEqual({ email: ['emailInvalid'] });
  });
});

describe('organisation permissions', () => {
  it('lets org admins and the CLI manage users, and nobody else', () => {
    expect(canInOrg(admin, ORG, 'org.manageUsers')).toBe(true);
    expect(canInOrg(systemActor, ORG, 'org.manageUsers')).toBe(true);
    expect(canInOrg(member, ORG, 'org.manageUsers')).toBe(false);
  });

  it('gives an admin of another organisation nothing, as not found', () => {
    expect(canInOrg(admin, OTHER_ORG, 'org.manageUsers')).toBe(false);
    expect(() => assertCanInOrg(admin, OTHER_ORG, 'org.manageUsers')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => assertCanInOrg(member, ORG, 'org.manageDepartments')).toThrow(expect.objectContaining({ status: 403 }));
  });
});
