import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client } from 'ldapts';

/**
 * A real OpenLDAP server for tests: Debian's slapd (`apt-get install slapd ldap-utils`) started as
 * a child process on a free port, with its own slapd.conf and mdb database in a temporary folder,
 * so it never touches the system's slapd (which may or may not be running). Works as root in a
 * container without systemd. Call `stop()` in `afterAll`.
 *
 *   const directory = await startSlapd();              // the seed directory below
 *   const directory = await startSlapd({ ldif, tls });  // your own entries under SLAPD_BASE_DN
 *   ldapReader(ldapConfigFromEnv({ ...env, ...directory.env })!)   // read it as the sync account
 *   await directory.move(dn, newDn)                     // change it between two reads
 */
const run = promisify(execFile);

export const SLAPD_BIN = process.env.SLAPD_BIN ?? '/usr/sbin/slapd';
export const SLAPD_BASE_DN = 'dc=xiezuo,dc=test';
const ADMIN_DN = `cn=admin,${SLAPD_BASE_DN}`;
const ADMIN_PASSWORD = 'admin-secret';
/** The account a sync binds with: an ordinary user, so the server's size limit applies to it (rootdn bypasses limits). */
const READER_DN = `cn=xiezuo-sync,${SLAPD_BASE_DN}`;
const READER_PASSWORD = 'reader-secret';
/** A committed self-signed certificate for 127.0.0.1 (see its README), so no openssl is needed. */
const TLS_DIR = path.join(import.meta.dirname, 'slapd-tls');

export interface SlapdOptions {
  /** Entries to load under SLAPD_BASE_DN (the base entry and the sync account are always added); default `seedDirectoryLdif()`. */
  ldif?: string;
  /** The server's size limit for one search (paged searches may return more in total); default 50. */
  sizeLimit?: number;
  /** Also listen on ldaps:// with the self-signed certificate in slapd-tls/ (and allow StartTLS on ldap://). */
  tls?: boolean;
}

export interface TestSlapd {
  /** ldap://127.0.0.1:port */
  url: string;
  /** ldaps://127.0.0.1:port, with `tls: true`. */
  ldapsUrl: string | null;
  /** PEM file of the self-signed certificate the server presents (its own CA), with `tls: true`. */
  caFile: string | null;
  baseDn: string;
  /** The read-only sync account. */
  bindDn: string;
  password: string;
  /** The rootdn, for changes; not subject to the size limit. */
  adminDn: string;
  adminPassword: string;
  sizeLimit: number;
  /** LDAP_URL, LDAP_BASE_DN, LDAP_BIND_DN and LDAP_BIND_PASSWORD for this server, e.g. for an app process or `ldapConfigFromEnv({ ...env, ...directory.env })`. */
  env: { LDAP_URL: string; LDAP_BASE_DN: string; LDAP_BIND_DN: string; LDAP_BIND_PASSWORD: string };
  /** Adds an entry, e.g. add('cn=新人,ou=产品部,…', { objectClass: 'inetOrgPerson', cn: '新人', sn: '新' }). */
  add(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  /** Replaces each attribute's values; null or [] deletes the attribute. */
  modify(dn: string, attributes: Record<string, string | string[] | null>): Promise<void>;
  /** Renames or moves an entry: move('cn=张三,ou=平台组,…', 'cn=张三,ou=产品部,…'). */
  move(dn: string, newDn: string): Promise<void>;
  remove(dn: string): Promise<void>;
  stop(): Promise<void>;
}

/** Departments of the seed directory: DN under the base, `ou`, and the description shown as the name when set. */
export const SEED_DEPARTMENTS = [
  { rdn: 'ou=rd', ou: 'rd', description: '研发中心', parentRdn: null },
  { rdn: 'ou=平台组,ou=rd', ou: '平台组', description: null, parentRdn: 'ou=rd' },
  { rdn: 'ou=移动组,ou=rd', ou: '移动组', description: null, parentRdn: 'ou=rd' },
  { rdn: 'ou=产品部', ou: '产品部', description: null, parentRdn: null },
  { rdn: 'ou=市场部', ou: '市场部', description: null, parentRdn: null },
  { rdn: 'ou=华东区,ou=市场部', ou: '华东区', description: null, parentRdn: 'ou=市场部' },
] as const;

/** The named people of the seed directory (the bulk staff come on top). */
export const SEED_PEOPLE = {
  zhangsan: { rdn: 'cn=张三,ou=平台组,ou=rd', cn: '张三', mail: 'zhangsan@xiezuo.test', employeeNumber: 'E0001', mobile: '+86 138 0000 0001', title: '高级工程师' },
  lisi: { rdn: 'cn=李四,ou=产品部', cn: '李四', displayName: '李四（产品）', mail: 'lisi@xiezuo.test', employeeNumber: 'E0002', mobile: '+86 138 0000 0002', title: '产品经理' },
  wangwu: { rdn: 'cn=王五,ou=移动组,ou=rd', cn: '王五', mail: null, employeeNumber: 'E0003', mobile: null, title: '工程师' },
  /** Locked with the ppolicy overlay's pwdAccountLockedTime: a leaver. */
  zhaoliu: { rdn: 'cn=赵六,ou=市场部', cn: '赵六', mail: 'zhaoliu@xiezuo.test', employeeNumber: 'E0004', mobile: null, title: '销售' },
} as const;

/** Staff in 华东区, more than twice the default size limit so paging is needed. */
export const SEED_BULK_COUNT = 120;
export const seedBulkRdn = (n: number) => `uid=staff${String(n).padStart(3, '0')},ou=华东区,ou=市场部`;

/** The seed directory as LDIF (without the base entry). */
export function seedDirectoryLdif(baseDn = SLAPD_BASE_DN): string {
  const blocks: string[] = [];
  for (const d of SEED_DEPARTMENTS) {
    blocks.push(ldifEntry(`${d.rdn},${baseDn}`, { objectClass: 'organizationalUnit', ou: d.ou, description: d.description }));
  }
  for (const p of Object.values(SEED_PEOPLE)) {
    blocks.push(ldifEntry(`${p.rdn},${baseDn}`, {
      objectClass: 'inetOrgPerson', cn: p.cn, sn: p.cn.slice(0, 1), displayName: 'displayName' in p ? p.displayName : null,
      mail: p.mail, employeeNumber: p.employeeNumber, mobile: p.mobile, title: p.title, userPassword: 'pw',
      pwdAccountLockedTime: p === SEED_PEOPLE.zhaoliu ? '000001010000Z' : null,
    }));
  }
  for (let n = 1; n <= SEED_BULK_COUNT; n++) {
    const id = String(n).padStart(3, '0');
    blocks.push(ldifEntry(`${seedBulkRdn(n)},${baseDn}`, {
      objectClass: 'inetOrgPerson', uid: `staff${id}`, cn: `员工${id}`, sn: '员', mail: `staff${id}@xiezuo.test`,
      employeeNumber: `S${id}`, title: '销售代表',
    }));
  }
  return blocks.join('\n');
}

/** One LDIF entry; values that are not plain ASCII are base64-encoded (RFC 2849), null values left out. */
export function ldifEntry(dn: string, attributes: Record<string, string | string[] | null | undefined>): string {
  const lines = [ldifLine('dn', dn)];
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(ldifLine(name, v));
  }
  return `${lines.join('\n')}\n`;
}

function ldifLine(name: string, value: string): string {
  const safe = /^[\x01-\x09\x0b-\x0c\x0e-\x1f\x21-\x39\x3b\x3d-\x7f][\x01-\x09\x0b-\x0c\x0e-\x7f]*$/.test(value) && !value.endsWith(' ');
  return safe ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}

function slapdConf(dir: string, sizeLimit: number, tls: boolean): string {
  return [
    'include /etc/ldap/schema/core.schema',
    'include /etc/ldap/schema/cosine.schema',
    'include /etc/ldap/schema/inetorgperson.schema',
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    // ppolicy brings the pwdAccountLockedTime attribute (its schema is built in since OpenLDAP 2.5).
    'moduleload ppolicy',
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    `argsfile ${path.join(dir, 'slapd.args')}`,
    // A paged search may return everything (like AD's MaxPageSize), a plain one only sizeLimit entries.
    `sizelimit size.soft=${sizeLimit} size.hard=${sizeLimit} size.prtotal=unlimited`,
    ...(tls ? [`TLSCertificateFile ${path.join(TLS_DIR, 'cert.pem')}`, `TLSCertificateKeyFile ${path.join(TLS_DIR, 'key.pem')}`] : []),
    'database mdb',
    `suffix "${SLAPD_BASE_DN}"`,
    `rootdn "${ADMIN_DN}"`,
    `rootpw ${ADMIN_PASSWORD}`,
    `directory ${path.join(dir, 'db')}`,
    'maxsize 104857600',
    'overlay ppolicy',
    'access to attrs=userPassword by self write by anonymous auth by * none',
    'access to * by users read by * none',
    '',
  ].join('\n');
}

function baseLdif(): string {
  return [
    ldifEntry(SLAPD_BASE_DN, { objectClass: ['dcObject', 'organization'], dc: 'xiezuo', o: 'Xiezuo Test' }),
    ldifEntry(READER_DN, { objectClass: ['organizationalRole', 'simpleSecurityObject'], cn: 'xiezuo-sync', userPassword: READER_PASSWORD }),
  ].join('\n');
}

/** A port nobody listens on right now (the server binds it a moment later; start retries on a clash). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ url, connectTimeout: 500, timeout: 1000 });
  try {
    await client.bind(READER_DN, READER_PASSWORD);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => {});
  }
}

async function launch(dir: string, conf: string, tls: boolean) {
  const port = await freePort();
  const tlsPort = tls ? await freePort() : null;
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = tlsPort ? `ldaps://127.0.0.1:${tlsPort}` : null;
  const listen = [`${url}/`, ...(ldapsUrl ? [`${ldapsUrl}/`] : [])].join(' ');
  // -d keeps slapd in the foreground (no daemon to chase); level 0 prints only real failures.
  const child = spawn(SLAPD_BIN, ['-f', conf, '-h', listen, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  let exited = false;
  child.once('exit', () => { exited = true; });
  child.once('error', (error) => { exited = true; stderr += error.message; });
  for (let i = 0; i < 100 && !exited; i++) {
    if (await answers(url)) return { child, url, ldapsUrl };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`slapd did not start on ${url}: ${stderr.trim() || 'no answer within 10 s'}`);
}

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url, timeout: 5000, connectTimeout: 2000 });
  try {
    await client.bind(ADMIN_DN, ADMIN_PASSWORD);
    return await fn(client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

export async function startSlapd(options: SlapdOptions = {}): Promise<TestSlapd> {
  const sizeLimit = options.sizeLimit ?? 50;
  const tls = options.tls ?? false;
  await access(SLAPD_BIN, constants.X_OK).catch(() => {
    throw new Error(`${SLAPD_BIN} is missing: the LDAP tests need Debian's slapd (apt-get install slapd ldap-utils).`);
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-slapd-'));
  let child: ChildProcess | null = null;
  const killOnExit = () => child?.kill('SIGKILL');
  try {
    await mkdir(path.join(dir, 'db'));
    const conf = path.join(dir, 'slapd.conf');
    await writeFile(conf, slapdConf(dir, sizeLimit, tls));
    const ldif = path.join(dir, 'seed.ldif');
    await writeFile(ldif, `${baseLdif()}\n${options.ldif ?? seedDirectoryLdif()}`);
    await run(path.join(path.dirname(SLAPD_BIN), 'slapadd'), ['-q', '-f', conf, '-l', ldif]);

    let launched: Awaited<ReturnType<typeof launch>> | null = null;
    for (let attempt = 1; !launched; attempt++) {
      try {
        launched = await launch(dir, conf, tls);
      } catch (error) {
        // Another process may have taken the free port in between: try another one.
        if (attempt >= 3) throw error;
      }
    }
    child = launched.child;
    process.once('exit', killOnExit);
    const { url } = launched;

    return {
      url,
      ldapsUrl: launched.ldapsUrl,
      caFile: tls ? path.join(TLS_DIR, 'cert.pem') : null,
      baseDn: SLAPD_BASE_DN,
      bindDn: READER_DN,
      password: READER_PASSWORD,
      adminDn: ADMIN_DN,
      adminPassword: ADMIN_PASSWORD,
      sizeLimit,
      env: { LDAP_URL: url, LDAP_BASE_DN: SLAPD_BASE_DN, LDAP_BIND_DN: READER_DN, LDAP_BIND_PASSWORD: READER_PASSWORD },
      add: (dn, attributes) => withAdmin(url, (c) => c.add(dn, attributes)),
      modify: (dn, attributes) =>
        withAdmin(url, (c) =>
          c.modify(dn, Object.entries(attributes).map(([type, value]) => {
            const values = value == null ? [] : Array.isArray(value) ? value : [value];
            return new Change({ operation: values.length ? 'replace' : 'delete', modification: new Attribute({ type, values }) });
          })),
        ),
      move: (dn, newDn) => withAdmin(url, (c) => c.modifyDN(dn, newDn)),
      remove: (dn) => withAdmin(url, (c) => c.del(dn)),
      async stop() {
        process.removeListener('exit', killOnExit);
        const running = child;
        if (running && running.exitCode === null && running.signalCode === null) {
          const exited = new Promise((r) => running.once('exit', r));
          running.kill('SIGTERM');
          const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    killOnExit();
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
