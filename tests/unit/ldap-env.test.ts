import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env validates process.env when it is first imported: import it afresh for each case.
async function loadEnv(values: Record<string, string>) {
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  return import('@/lib/env');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('LDAP settings in the environment', () => {
  it('accepts a complete configuration', async () => {
    const { env } = await loadEnv({ LDAP_URL: 'ldap://ldap.corp:389', LDAP_BASE_DN: 'dc=corp', LDAP_START_TLS: '1', LDAP_BIND_DN: 'cn=sync,dc=corp', LDAP_BIND_PASSWORD: 's' });
    expect(env).toMatchObject({ LDAP_URL: 'ldap://ldap.corp:389', LDAP_START_TLS: true, LDAP_FLAVOR: 'openldap', LDAP_PAGE_SIZE: 500 });
  });

  it('refuses what cannot work', async () => {
    await expect(loadEnv({ LDAP_URL: 'http://ldap.corp' })).rejects.toThrow(/LDAP_URL/);
    await expect(loadEnv({ LDAP_URL: 'ldap://ldap.corp' })).rejects.toThrow(/LDAP_BASE_DN/);
    await expect(loadEnv({ LDAP_URL: 'ldap://ldap.corp', LDAP_BASE_DN: 'dc=corp', LDAP_BIND_DN: 'cn=sync' })).rejects.toThrow(/LDAP_BIND_PASSWORD/);
    await expect(loadEnv({ LDAP_URL: 'ldaps://ldap.corp', LDAP_BASE_DN: 'dc=corp', LDAP_START_TLS: 'yes' })).rejects.toThrow(/LDAP_START_TLS/);
    await expect(loadEnv({ LDAP_FLAVOR: 'novell' })).rejects.toThrow(/LDAP_FLAVOR/);
  });
});
