import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'ldapts';
import { env } from '@/lib/env';
import { ldapConfigFromEnv, ldapReader, LdapSourceError, type LdapConfig } from '@/lib/directory/ldap-source';
import type { DirectorySnapshot } from '@/lib/directory/snapshot';
import { SEED_BULK_COUNT, SEED_DEPARTMENTS, SEED_PEOPLE, seedBulkRdn, startSlapd, type TestSlapd } from '../support/slapd';

// The reader touches no database: these run against a real slapd, the same on PGlite and Postgres.
let directory: TestSlapd;

function configFor(d: TestSlapd, overrides: Partial<typeof env> = {}): LdapConfig {
  const config = ldapConfigFromEnv({
    ...env,
    ...d.env,
    // Smaller than the server's size limit of 50, so the 124 people take three pages.
    LDAP_PAGE_SIZE: 45,
    LDAP_CONNECT_TIMEOUT_MS: 2000,
    LDAP_TIMEOUT_MS: 5000,
    ...overrides,
  });
  if (!config) throw new Error('LDAP not configured');
  return config;
}

const read = (overrides: Partial<typeof env> = {}, d = directory) => ldapReader(configFor(d, overrides)).read();

async function failure(promise: Promise<unknown>): Promise<LdapSourceError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(LdapSourceError);
  return error as LdapSourceError;
}

const person = (snapshot: DirectorySnapshot, name: string) => {
  const found = snapshot.people.find((p) => p.name === name);
  if (!found) throw new Error(`${name} is not in the snapshot`);
  return found;
};
const department = (snapshot: DirectorySnapshot, name: string) => {
  const found = snapshot.departments.find((d) => d.name === name);
  if (!found) throw new Error(`department ${name} is not in the snapshot`);
  return found;
};

beforeAll(async () => {
  directory = await startSlapd();
});
afterAll(async () => {
  await directory?.stop();
});

describe('reading the seed directory', () => {
  let snapshot: DirectorySnapshot;
  beforeAll(async () => {
    snapshot = await read();
  });

  it('returns every OU under the base as a department, each under its parent OU', () => {
    expect(snapshot.source).toBe('ldap');
    expect(snapshot.departments.map((d) => d.name).sort()).toEqual(['产品部', '华东区', '市场部', '平台组', '研发中心', '移动组'].sort());
    const rd = department(snapshot, '研发中心');
    const market = department(snapshot, '市场部');
    expect(rd.parentExternalId).toBeNull();
    expect(department(snapshot, '产品部').parentExternalId).toBeNull();
    expect(department(snapshot, '平台组').parentExternalId).toBe(rd.externalId);
    expect(department(snapshot, '移动组').parentExternalId).toBe(rd.externalId);
    expect(department(snapshot, '华东区').parentExternalId).toBe(market.externalId);
    // entryUUID, not the DN: it survives renames and moves.
    for (const d of snapshot.departments) expect(d.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('reads everyone across pages, beyond the server size limit', async () => {
    // The limit is real: an unpaged search as the sync account is cut off.
    const client = new Client({ url: directory.url });
    await client.bind(directory.bindDn, directory.password);
    const plain = await client.search(directory.baseDn, { filter: '(objectClass=inetOrgPerson)' }).then(() => 'complete', (e: Error) => e.name);
    await client.unbind();
    expect(plain).toBe('SizeLimitExceededError');

    const expected = Object.keys(SEED_PEOPLE).length + SEED_BULK_COUNT;
    expect(snapshot.people).toHaveLength(expected);
    expect(new Set(snapshot.people.map((p) => p.externalId)).size).toBe(expected);
    expect(snapshot.people.filter((p) => p.name.startsWith('员工'))).toHaveLength(SEED_BULK_COUNT);
    expect(snapshot.skipped).toEqual([]);
  });

  it('maps a person’s attributes, Chinese names intact', () => {
    const zhang = person(snapshot, '张三');
    expect(zhang).toMatchObject({
      email: 'zhangsan@xiezuo.test', employeeId: 'E0001', phone: '+86 138 0000 0001', title: '高级工程师', active: true,
      departmentExternalId: department(snapshot, '平台组').externalId,
    });
    // displayName wins over cn.
    expect(person(snapshot, '李四（产品）')).toMatchObject({ employeeId: 'E0002', departmentExternalId: department(snapshot, '产品部').externalId });
    expect(person(snapshot, '员工007')).toMatchObject({ email: 'staff007@xiezuo.test', employeeId: 'S007', phone: null, departmentExternalId: department(snapshot, '华东区').externalId });
  });

  it('reports a person without mail with a null email instead of dropping them', () => {
    expect(person(snapshot, '王五')).toMatchObject({ email: null, employeeId: 'E0003', active: true, departmentExternalId: department(snapshot, '移动组').externalId });
  });

  it('marks an account an administrator locked (pwdAccountLockedTime 000001010000Z) inactive', () => {
    expect(person(snapshot, SEED_PEOPLE.zhaoliu.cn).active).toBe(false);
    expect(snapshot.people.filter((p) => !p.active).map((p) => p.name)).toEqual([SEED_PEOPLE.zhaoliu.cn]);
  });
});

describe('locks after failed sign-ins', () => {
  const dn = () => `${seedBulkRdn(3)},${directory.baseDn}`;
  beforeAll(async () => {
    await directory.modify(dn(), { pwdAccountLockedTime: '20261204080000Z' });
  });
  afterAll(async () => {
    await directory.modify(dn(), { pwdAccountLockedTime: null });
  });

  it('does not count a lock with a time as leaving', async () => {
    expect(person(await read(), '员工003').active).toBe(true);
  });

  it('counts any lock when LDAP_DISABLED_FILTER asks for it', async () => {
    const snapshot = await read({ LDAP_DISABLED_FILTER: '(pwdAccountLockedTime=*)' });
    expect(snapshot.people.filter((p) => !p.active).map((p) => p.name).sort()).toEqual(['员工003', '赵六'].sort());
  });
});

describe('configuration', () => {
  it('treats people matching LDAP_DISABLED_FILTER as disabled', async () => {
    const snapshot = await read({ LDAP_DISABLED_FILTER: '(|(employeeNumber=S120)(title=产品经理))' });
    expect(snapshot.people.filter((p) => !p.active).map((p) => p.name).sort()).toEqual(['李四（产品）', '员工120', '赵六'].sort());
  });

  it('honours attribute overrides, and a department attribute naming a department', async () => {
    const dn = `${seedBulkRdn(1)},${directory.baseDn}`;
    await directory.modify(dn, { departmentNumber: '研发中心' });
    try {
      const snapshot = await read({ LDAP_ATTR_NAME: 'cn', LDAP_ATTR_EMPLOYEE_ID: 'uid', LDAP_ATTR_DEPARTMENT: 'departmentNumber' });
      expect(person(snapshot, '李四')).toMatchObject({ employeeId: null, departmentExternalId: null });
      expect(person(snapshot, '员工001')).toMatchObject({ employeeId: 'staff001', departmentExternalId: department(snapshot, '研发中心').externalId });
    } finally {
      await directory.modify(dn, { departmentNumber: null });
    }
  });

  it('falls back to the DN as the id when the id attribute is missing', async () => {
    const snapshot = await read({ LDAP_ATTR_ID: 'nsUniqueId' });
    expect(person(snapshot, '张三').externalId).toBe(`${SEED_PEOPLE.zhangsan.rdn},${directory.baseDn}`);
    expect(department(snapshot, '研发中心').externalId).toBe(`${SEED_DEPARTMENTS[0].rdn},${directory.baseDn}`);
  });

  it('skips an entry that has no name at all, with the reason', async () => {
    const snapshot = await read({ LDAP_ATTR_NAME: 'displayName' });
    expect(person(snapshot, '李四（产品）')).toBeTruthy();
    expect(snapshot.skipped).toContainEqual({ record: `${SEED_PEOPLE.zhangsan.rdn},${directory.baseDn}`, reason: 'no name (displayName)', externalId: expect.any(String) });
    expect(snapshot.people.length + snapshot.skipped.length).toBe(Object.keys(SEED_PEOPLE).length + SEED_BULK_COUNT);
  });
});

describe('changes between two reads', () => {
  it('shows a changed user, a moved user, a removed user and a new one', async () => {
    const base = directory.baseDn;
    const before = await read();
    const zhang = person(before, '张三');
    await directory.modify(`${SEED_PEOPLE.lisi.rdn},${base}`, { title: '产品总监', mobile: '+86 139 0000 0002' });
    await directory.move(`${SEED_PEOPLE.zhangsan.rdn},${base}`, `cn=张三,ou=产品部,${base}`);
    await directory.remove(`${seedBulkRdn(2)},${base}`);
    await directory.add(`ou=法务部,${base}`, { objectClass: 'organizationalUnit', ou: '法务部' });
    await directory.add(`cn=孙七,ou=法务部,${base}`, { objectClass: 'inetOrgPerson', cn: '孙七', sn: '孙', mail: 'sunqi@xiezuo.test', employeeNumber: 'E0009' });

    const after = await read();
    expect(person(after, '李四（产品）')).toMatchObject({ title: '产品总监', phone: '+86 139 0000 0002' });
    // Same person (same id) in a new department.
    expect(person(after, '张三')).toMatchObject({ externalId: zhang.externalId, departmentExternalId: department(after, '产品部').externalId });
    expect(after.people.find((p) => p.name === '员工002')).toBeUndefined();
    expect(person(after, '孙七')).toMatchObject({ employeeId: 'E0009', departmentExternalId: department(after, '法务部').externalId });
    expect(department(after, '法务部').parentExternalId).toBeNull();
    expect(after.people).toHaveLength(before.people.length);
  });
});

describe('failures', () => {
  it('refuses a wrong password with a clear error', async () => {
    const error = await failure(read({ LDAP_BIND_PASSWORD: 'wrong' }));
    expect(error.failure).toBe('invalidCredentials');
    expect(error.messageKey).toBe('ldapInvalidCredentials');
    expect(error.message).toContain(directory.bindDn);
    expect(error.message).not.toContain('wrong');
  });

  it('refuses an unknown bind DN as bad credentials', async () => {
    expect((await failure(read({ LDAP_BIND_DN: `cn=nobody,${directory.baseDn}` }))).failure).toBe('invalidCredentials');
  });

  it('says so when nothing listens at the URL', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((r) => server.close(r));
    const error = await failure(read({ LDAP_URL: `ldap://127.0.0.1:${port}` }));
    expect(error.failure).toBe('unreachable');
    expect(error.messageKey).toBe('ldapUnreachable');
  });

  it('gives up on a server that never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await failure(read({ LDAP_URL: `ldap://127.0.0.1:${port}`, LDAP_TIMEOUT_MS: 300 }));
      expect(error.failure).toBe('timeout');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it('says so when the base DN does not exist', async () => {
    const error = await failure(read({ LDAP_BASE_DN: `ou=不存在,${directory.baseDn}` }));
    expect(error.failure).toBe('baseNotFound');
    expect(error.message).toContain('ou=不存在');
  });
});

describe('TLS', () => {
  let secure: TestSlapd;
  beforeAll(async () => {
    secure = await startSlapd({ tls: true });
  });
  afterAll(async () => {
    await secure?.stop();
  });

  it('reads over ldaps:// with the CA file', async () => {
    const snapshot = await read({ LDAP_URL: secure.ldapsUrl!, LDAP_TLS_CA_FILE: secure.caFile! }, secure);
    expect(person(snapshot, '张三').email).toBe('zhangsan@xiezuo.test');
  });

  it('reads over StartTLS with the CA file', async () => {
    const snapshot = await read({ LDAP_START_TLS: true, LDAP_TLS_CA_FILE: secure.caFile! }, secure);
    expect(snapshot.people.length).toBeGreaterThan(SEED_BULK_COUNT);
  });

  it('refuses a certificate it cannot verify with a TLS error', async () => {
    const error = await failure(read({ LDAP_URL: secure.ldapsUrl! }, secure));
    expect(error.failure).toBe('tls');
    expect(error.messageKey).toBe('ldapTls');
  });

  it('reports a server without StartTLS as a TLS failure', async () => {
    expect((await failure(read({ LDAP_START_TLS: true }))).failure).toBe('tls');
  });

  it('reports an unreadable CA file as a TLS failure', async () => {
    expect((await failure(read({ LDAP_URL: secure.ldapsUrl!, LDAP_TLS_CA_FILE: '/nonexistent/ca.pem' }, secure))).failure).toBe('tls');
  });
});
