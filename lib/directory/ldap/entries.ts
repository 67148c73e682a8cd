import type { Entry } from 'ldapts';
import type { DirectoryDepartment, DirectoryPerson, SkippedRecord } from '../snapshot';
import type { LdapAttributeMap, LdapFlavor } from './config';
import { dnKey, parentDn, rdnValue } from './dn';

/** AD's userAccountControl flag for a disabled account. */
const ACCOUNTDISABLE = 0x2;
/** pwdAccountLockedTime of an account an administrator locked for good (draft-behera-ldap-password-policy). */
const PERMANENT_LOCK = '000001010000Z';

/** Attributes whose values are binary and must not be decoded as text. */
export const BINARY_ATTRIBUTES = ['objectGUID'];

type Value = Entry[string];

/** An entry's attributes by lower-cased name: servers answer with their own spelling of a name. */
function attributeIndex(entry: Entry): Map<string, Value> {
  const index = new Map<string, Value>();
  for (const [name, value] of Object.entries(entry)) if (name !== 'dn') index.set(name.toLowerCase(), value);
  return index;
}

/** 16 bytes of an AD objectGUID in its usual spelling (the first three groups are little-endian). */
export function formatGuid(bytes: Buffer): string {
  const hex = (start: number, end: number, reverse: boolean) => {
    const part = Buffer.from(bytes.subarray(start, end));
    return (reverse ? part.reverse() : part).toString('hex');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
}

function text(value: Value | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  if (Buffer.isBuffer(first)) return first.length === 16 ? formatGuid(first) : first.toString('hex');
  const trimmed = first.trim();
  return trimmed || null;
}

/** The first of `names` the entry has a non-empty value for. */
function pick(index: Map<string, Value>, names: string[]): string | null {
  for (const name of names) {
    const value = text(index.get(name.toLowerCase()));
    if (value) return value;
  }
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface DepartmentIndex {
  departments: DirectoryDepartment[];
  /** dnKey → externalId */
  byDn: Map<string, string>;
  /** Lower-cased name → externalIds, for a department attribute that holds names. */
  byName: Map<string, string[]>;
}

/** The nearest ancestor of `dn` that is a department. */
function nearestDepartment(dn: string, byDn: Map<string, string>): string | null {
  for (let parent = parentDn(dn); parent; parent = parentDn(parent)) {
    const id = byDn.get(dnKey(parent));
    if (id) return id;
  }
  return null;
}

/** The OUs as departments, each under its nearest OU ancestor; the base entry itself is not one. */
export function toDepartments(entries: Entry[], attributes: LdapAttributeMap, baseDn: string): DepartmentIndex {
  const baseKey = dnKey(baseDn);
  const byDn = new Map<string, string>();
  const named: { entry: Entry; externalId: string; name: string }[] = [];
  for (const entry of entries) {
    if (dnKey(entry.dn) === baseKey) continue;
    const index = attributeIndex(entry);
    const externalId = pick(index, attributes.id) ?? entry.dn;
    byDn.set(dnKey(entry.dn), externalId);
    named.push({ entry, externalId, name: pick(index, attributes.departmentName) ?? rdnValue(entry.dn) });
  }
  const departments = named.map(({ entry, externalId, name }) => ({
    externalId,
    name,
    parentExternalId: nearestDepartment(entry.dn, byDn),
  }));
  const byName = new Map<string, string[]>();
  for (const d of departments) byName.set(d.name.toLowerCase(), [...(byName.get(d.name.toLowerCase()) ?? []), d.externalId]);
  return { departments, byDn, byName };
}

function isDisabled(index: Map<string, Value>, flavor: LdapFlavor): boolean {
  if (flavor === 'ad') {
    const control = Number(text(index.get('useraccountcontrol')));
    return Number.isFinite(control) && (control & ACCOUNTDISABLE) !== 0;
  }
  // ppolicy's administrative lock. A time instead is a lock after failed sign-ins, often temporary:
  // counting it would let anyone guessing passwords end a colleague's sessions (opt in with a filter).
  return text(index.get('pwdaccountlockedtime')) === PERMANENT_LOCK;
}

/** The department a person's department attribute names: a department's DN, or a name only one department has. */
function namedDepartment(value: string, departments: DepartmentIndex): string | null {
  if (value.includes('=')) {
    const byDn = departments.byDn.get(dnKey(value));
    if (byDn) return byDn;
  }
  const byName = departments.byName.get(value.toLowerCase());
  return byName?.length === 1 ? byName[0]! : null;
}

export interface PersonContext {
  attributes: LdapAttributeMap;
  flavor: LdapFlavor;
  departments: DepartmentIndex;
  /** dnKeys of people matching LDAP_DISABLED_FILTER. */
  disabled: Set<string>;
}

/** A person from an entry, or why the entry cannot be one. */
export function toPerson(entry: Entry, context: PersonContext): DirectoryPerson | SkippedRecord {
  const { attributes } = context;
  const index = attributeIndex(entry);
  const name = pick(index, attributes.name);
  const externalId = pick(index, attributes.id) ?? entry.dn;
  if (!name) return { record: entry.dn, reason: `no name (${attributes.name.join(', ')})`, externalId };
  const email = pick(index, attributes.email)?.toLowerCase() ?? null;
  const departmentValue = attributes.department ? pick(index, [attributes.department]) : null;
  return {
    externalId,
    name,
    email: email && EMAIL.test(email) ? email : null,
    phone: pick(index, attributes.phone),
    title: pick(index, attributes.title),
    employeeId: pick(index, attributes.employeeId),
    departmentExternalId: attributes.department
      ? departmentValue && namedDepartment(departmentValue, context.departments)
      : nearestDepartment(entry.dn, context.departments.byDn),
    active: !isDisabled(index, context.flavor) && !context.disabled.has(dnKey(entry.dn)),
  };
}

/** What to ask the server for, so operational attributes (entryUUID, pwdAccountLockedTime) come back too. */
export function personAttributes(attributes: LdapAttributeMap, flavor: LdapFlavor): string[] {
  const state = flavor === 'ad' ? ['userAccountControl'] : ['pwdAccountLockedTime'];
  return [...new Set([
    ...attributes.id, ...attributes.email, ...attributes.name, ...attributes.employeeId, ...attributes.phone,
    ...attributes.title, ...(attributes.department ? [attributes.department] : []), ...state,
  ])];
}

export function departmentAttributes(attributes: LdapAttributeMap): string[] {
  return [...new Set([...attributes.id, ...attributes.departmentName, 'ou'])];
}
