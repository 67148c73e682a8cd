import type { DirectoryPerson, DirectoryReader, DirectorySnapshot, SkippedRecord } from './snapshot';
import type { LdapConfig } from './ldap/config';
import { openLdap, searchAll } from './ldap/connection';
import { dnKey } from './ldap/dn';
import { departmentAttributes, personAttributes, toDepartments, toPerson } from './ldap/entries';

export { ldapConfigFromEnv, type LdapConfig } from './ldap/config';
export { LdapSourceError, type LdapFailure } from './ldap/errors';

/**
 * Reads departments (the OUs under the base) and people (entries matching the user filter) from
 * LDAP / Active Directory. Read-only; one connection per read; throws LdapSourceError when the
 * directory cannot be read, so a sync never works from half a directory.
 */
export function ldapReader(config: LdapConfig): DirectoryReader {
  return {
    source: 'ldap',
    async read(): Promise<DirectorySnapshot> {
      const client = await openLdap(config);
      try {
        const departmentEntries = await searchAll(client, config, config.departmentFilter, departmentAttributes(config.attributes));
        const personEntries = await searchAll(client, config, config.userFilter, personAttributes(config.attributes, config.flavor));
        const disabled = config.disabledFilter
          ? await searchAll(client, config, `(&${config.userFilter}${config.disabledFilter})`, ['1.1'])
          : [];

        const departments = toDepartments(departmentEntries, config.attributes, config.baseDn);
        const context = { attributes: config.attributes, flavor: config.flavor, departments, disabled: new Set(disabled.map((e) => dnKey(e.dn))) };
        const people: DirectoryPerson[] = [];
        const skipped: SkippedRecord[] = [];
        for (const entry of personEntries) {
          const result = toPerson(entry, context);
          if ('reason' in result) skipped.push(result);
          else people.push(result);
        }
        return { source: 'ldap', departments: departments.departments, people, skipped };
      } finally {
        await client.unbind().catch(() => {});
      }
    },
  };
}
