import { describe, expect, it } from 'vitest';
import { ldapConfigFromEnv } from '@/lib/directory/ldap/config';
import { dnKey, parentDn, rdnValue, splitDn } from '@/lib/directory/ldap/dn';
import { formatGuid, toDepartments, toPerson } from '@/lib/directory/ldap/entries';
import { env } from '@/lib/env';

const adConfig = ldapConfigFromEnv({ ...env, LDAP_URL: 'ldaps://dc1.corp.example:636', LDAP_BASE_DN: 'DC=corp,DC=example', LDAP_FLAVOR: 'ad' })!;
// A GUID as AD stores it (first three groups little-endian) and as tools print it.
const guidBytes = Buffer.from('78563412bc9af0de0123456789abcdef', 'hex');
const guidText = '12345678-9abc-def0-0123-456789abcdef';

describe('DNs', () => {
  it('splits on unescaped commas only', () => {
    expect(splitDn('cn=Wang\\, Wu,ou=产品部, dc=corp')).toEqual(['cn=Wang\\, Wu', 'ou=产品部', 'dc=corp']);
    expect(splitDn('cn="a,b",dc=x')).toEqual(['cn="a,b"', 'dc=x']);
    expect(parentDn('cn=张三,ou=产品部,dc=corp')).toBe('ou=产品部,dc=corp');
    expect(parentDn('dc=corp')).toBeNull();
  });

  it('compares DNs as a server does: case, spaces and hex escapes do not matter', () => {
    expect(dnKey('OU=Sales, DC=Corp')).toBe(dnKey('ou=sales,dc=corp'));
    expect(dnKey('ou=\\E4\\BA\\A7\\E5\\93\\81\\E9\\83\\A8,dc=corp')).toBe(dnKey('ou=产品部,dc=corp'));
    expect(dnKey('cn=a+uid=b,dc=x')).toBe(dnKey('uid=b+cn=a,dc=x'));
    expect(dnKey('ou=a,dc=x')).not.toBe(dnKey('ou=b,dc=x'));
  });

  it('reads the value of the first RDN', () => {
    expect(rdnValue('ou=\\E5\\B8\\82\\E5\\9C\\BA\\E9\\83\\A8,dc=corp')).toBe('市场部');
    expect(rdnValue('cn=Wang\\, Wu,dc=corp')).toBe('Wang, Wu');
  });
});

describe('Active Directory entries', () => {
  it('spells objectGUID the usual way', () => {
    expect(formatGuid(guidBytes)).toBe(guidText);
  });

  const departments = toDepartments(
    [
      { dn: 'DC=corp,DC=example', objectGUID: Buffer.alloc(16), ou: 'corp' },
      { dn: 'OU=Sales,DC=corp,DC=example', objectGUID: guidBytes, ou: 'Sales', description: '销售部' },
      { dn: 'OU=East,OU=Sales,DC=corp,DC=example', objectGUID: Buffer.alloc(16, 1), ou: 'East' },
      { dn: 'OU=East,OU=Ops,DC=corp,DC=example', ou: 'East' },
    ],
    adConfig.attributes,
    adConfig.baseDn,
  );

  it('names departments by description, then ou, places them under the nearest OU, and leaves out the base', () => {
    expect(departments.departments).toEqual([
      { externalId: guidText, name: '销售部', parentExternalId: null },
      { externalId: '01010101-0101-0101-0101-010101010101', name: 'East', parentExternalId: guidText },
      // No objectGUID: the DN stands in; its parent OU=Ops is not a department.
      { externalId: 'OU=East,OU=Ops,DC=corp,DC=example', name: 'East', parentExternalId: null },
    ]);
  });

  const context = { attributes: adConfig.attributes, flavor: adConfig.flavor, departments, disabled: new Set<string>() };

  it('maps a user with employeeID and recognises ACCOUNTDISABLE in userAccountControl', () => {
    const entry = {
      dn: 'CN=Zhang San,OU=Sales,DC=corp,DC=example', objectGUID: Buffer.alloc(16, 2), displayName: '张三', cn: 'Zhang San',
      mail: ' ZhangSan@Corp.Example ', employeeID: 'A-17', telephoneNumber: '021-5555', title: [], userAccountControl: '514',
    };
    expect(toPerson(entry, context)).toEqual({
      externalId: '02020202-0202-0202-0202-020202020202', name: '张三', email: 'zhangsan@corp.example', phone: '021-5555',
      title: null, employeeId: 'A-17', departmentExternalId: guidText, active: false,
    });
    expect(toPerson({ ...entry, userAccountControl: '512' }, context)).toMatchObject({ active: true });
    // Attribute names come back in the server's spelling.
    expect(toPerson({ dn: entry.dn, CN: 'x', USERACCOUNTCONTROL: '66050' }, context)).toMatchObject({ name: 'x', active: false });
  });

  it('gives a malformed address as no email, and skips an entry without a name', () => {
    expect(toPerson({ dn: 'CN=x,DC=corp,DC=example', cn: 'x', mail: 'not an address' }, context)).toMatchObject({ email: null, departmentExternalId: null });
    expect(toPerson({ dn: 'CN=,DC=corp,DC=example', cn: '  ' }, context)).toEqual({ record: 'CN=,DC=corp,DC=example', reason: 'no name (displayName, cn)', externalId: 'CN=,DC=corp,DC=example' });
  });

  it('finds the department a department attribute names, by DN or by a name only one department has', () => {
    const byAttribute = { ...context, attributes: { ...context.attributes, department: 'department' } };
    const person = (department: string) => toPerson({ dn: 'CN=x,OU=Sales,DC=corp,DC=example', cn: 'x', department }, byAttribute);
    expect(person('销售部')).toMatchObject({ departmentExternalId: guidText });
    expect(person('ou=east, ou=sales,dc=corp,dc=example')).toMatchObject({ departmentExternalId: '01010101-0101-0101-0101-010101010101' });
    // Two departments are called East: no guess.
    expect(person('East')).toMatchObject({ departmentExternalId: null });
    expect(person('Unknown')).toMatchObject({ departmentExternalId: null });
  });
});

describe('ldapConfigFromEnv', () => {
  it('is null without LDAP_URL', () => {
    expect(ldapConfigFromEnv({ ...env, LDAP_URL: undefined })).toBeNull();
  });

  it('uses the OpenLDAP defaults, or AD’s with LDAP_FLAVOR=ad', () => {
    const openldap = ldapConfigFromEnv({ ...env, LDAP_URL: 'ldap://ldap', LDAP_BASE_DN: 'dc=x', LDAP_FLAVOR: 'openldap' })!;
    expect(openldap).toMatchObject({ userFilter: '(objectClass=inetOrgPerson)', departmentFilter: '(objectClass=organizationalUnit)', bindDn: null });
    expect(openldap.attributes).toMatchObject({ id: ['entryUUID'], employeeId: ['employeeNumber'], name: ['displayName', 'cn'] });
    expect(adConfig.userFilter).toBe('(&(objectCategory=person)(objectClass=user))');
    expect(adConfig.attributes).toMatchObject({ id: ['objectGUID'], employeeId: ['employeeID'], department: null });
  });

  it('takes comma-separated attribute overrides', () => {
    const config = ldapConfigFromEnv({ ...env, LDAP_URL: 'ldap://ldap', LDAP_BASE_DN: 'dc=x', LDAP_ATTR_PHONE: ' mobile , homePhone ', LDAP_ATTR_TITLE: ' , ' })!;
    expect(config.attributes.phone).toEqual(['mobile', 'homePhone']);
    expect(config.attributes.title).toEqual(['title']);
  });

  it('refuses a filter that does not parse, naming the variable', () => {
    expect(() => ldapConfigFromEnv({ ...env, LDAP_URL: 'ldap://ldap', LDAP_BASE_DN: 'dc=x', LDAP_USER_FILTER: '(objectClass=person' })).toThrow(/LDAP_USER_FILTER/);
  });
});

describe('LDAP error messages', () => {
  it('has every failure in both catalogues', async () => {
    const { LDAP_FAILURE_MESSAGE_KEYS } = await import('@/lib/directory/ldap/errors');
    for (const locale of ['zh-CN', 'en']) {
      const { default: messages } = (await import(`@/lib/i18n/messages/${locale}.json`)) as { default: { errors: Record<string, string> } };
      for (const key of Object.values(LDAP_FAILURE_MESSAGE_KEYS)) expect(messages.errors[key], `${locale} errors.${key}`).toBeTruthy();
    }
  });
});
