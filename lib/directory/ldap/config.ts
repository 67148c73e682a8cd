import { FilterParser } from 'ldapts';
import { env, type Env } from '@/lib/env';

export type LdapFlavor = 'openldap' | 'ad';

/** Which attributes hold what; each a list tried in order (the first an entry has wins). */
export interface LdapAttributeMap {
  id: string[];
  email: string[];
  name: string[];
  employeeId: string[];
  phone: string[];
  title: string[];
  /** Names a person's main department (its DN or its name); null: the OU the entry sits in. */
  department: string | null;
  departmentName: string[];
}

export interface LdapConfig {
  url: string;
  startTls: boolean;
  /** null for an anonymous bind. */
  bindDn: string | null;
  bindPassword: string | null;
  baseDn: string;
  flavor: LdapFlavor;
  userFilter: string;
  departmentFilter: string;
  disabledFilter: string | null;
  attributes: LdapAttributeMap;
  tlsCaFile: string | null;
  connectTimeoutMs: number;
  timeoutMs: number;
  pageSize: number;
}

const DEFAULTS: Record<LdapFlavor, { userFilter: string; attributes: Omit<LdapAttributeMap, 'department'> }> = {
  openldap: {
    userFilter: '(objectClass=inetOrgPerson)',
    attributes: {
      id: ['entryUUID'], email: ['mail'], name: ['displayName', 'cn'], employeeId: ['employeeNumber'],
      phone: ['mobile', 'telephoneNumber'], title: ['title'], departmentName: ['description', 'ou'],
    },
  },
  ad: {
    userFilter: '(&(objectCategory=person)(objectClass=user))',
    attributes: {
      id: ['objectGUID'], email: ['mail'], name: ['displayName', 'cn'], employeeId: ['employeeID'],
      phone: ['mobile', 'telephoneNumber'], title: ['title'], departmentName: ['description', 'ou'],
    },
  },
};

function list(value: string | undefined): string[] | undefined {
  const names = value?.split(',').map((s) => s.trim()).filter(Boolean);
  return names?.length ? names : undefined;
}

function checkFilter(variable: string, filter: string): string {
  try {
    FilterParser.parseString(filter);
  } catch (error) {
    throw new Error(`Invalid environment configuration: ${variable} is not an LDAP filter (${(error as Error).message})`);
  }
  return filter;
}

/** The LDAP source as configured in the environment; null when LDAP_URL is not set. */
export function ldapConfigFromEnv(source: Env = env): LdapConfig | null {
  if (!source.LDAP_URL || !source.LDAP_BASE_DN) return null;
  const flavor = source.LDAP_FLAVOR;
  const defaults = DEFAULTS[flavor];
  return {
    url: source.LDAP_URL,
    startTls: source.LDAP_START_TLS,
    bindDn: source.LDAP_BIND_DN ?? null,
    bindPassword: source.LDAP_BIND_PASSWORD ?? null,
    baseDn: source.LDAP_BASE_DN,
    flavor,
    userFilter: checkFilter('LDAP_USER_FILTER', source.LDAP_USER_FILTER ?? defaults.userFilter),
    departmentFilter: checkFilter('LDAP_DEPARTMENT_FILTER', source.LDAP_DEPARTMENT_FILTER),
    disabledFilter: source.LDAP_DISABLED_FILTER ? checkFilter('LDAP_DISABLED_FILTER', source.LDAP_DISABLED_FILTER) : null,
    attributes: {
      id: list(source.LDAP_ATTR_ID) ?? defaults.attributes.id,
      email: list(source.LDAP_ATTR_EMAIL) ?? defaults.attributes.email,
      name: list(source.LDAP_ATTR_NAME) ?? defaults.attributes.name,
      employeeId: list(source.LDAP_ATTR_EMPLOYEE_ID) ?? defaults.attributes.employeeId,
      phone: list(source.LDAP_ATTR_PHONE) ?? defaults.attributes.phone,
      title: list(source.LDAP_ATTR_TITLE) ?? defaults.attributes.title,
      department: source.LDAP_ATTR_DEPARTMENT?.trim() || null,
      departmentName: list(source.LDAP_ATTR_DEPARTMENT_NAME) ?? defaults.attributes.departmentName,
    },
    tlsCaFile: source.LDAP_TLS_CA_FILE ?? null,
    connectTimeoutMs: source.LDAP_CONNECT_TIMEOUT_MS,
    timeoutMs: source.LDAP_TIMEOUT_MS,
    pageSize: source.LDAP_PAGE_SIZE,
  };
}
