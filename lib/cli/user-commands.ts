import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemActor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { findUserByEmail } from '@/lib/org/queries';
import { DEFAULT_ORGANIZATION_NAME, ensureOrganization } from '@/lib/org/service';
import { createUser, setUserActive } from '@/lib/org/user-admin-service';
import { withDatabase } from './run';

export async function requireUserByEmail(email: string) {
  const user = await findUserByEmail(email);
  if (!user) throw NotFound();
  return user;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage user accounts');

  user
    .command('create')
    .description('create a local account (prints a generated password unless --password is given)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'initial password (at least 8 characters)')
    .option('--title <title>', 'job title')
    .option('--admin', 'make the user an organisation admin', false)
    .option('--org <name>', 'organisation name when the database has none yet', DEFAULT_ORGANIZATION_NAME)
    .action((options: { email: string; name: string; password?: string; title?: string; admin: boolean; org: string }) =>
      withDatabase(async () => {
        const organization = await ensureOrganization(options.org);
        const password = options.password ?? randomBytes(12).toString('base64url');
        const created = await createUser(systemActor, organization.id, {
          email: options.email, name: options.name, password, title: options.title, isOrgAdmin: options.admin,
        });
        console.log(`Created ${created.isOrgAdmin ? 'org admin' : 'user'} ${created.name} <${created.email}> (${created.id}).`);
        if (!options.password) console.log(`Password: ${password}`);
      }),
    );

  for (const [name, active] of [['activate', true], ['deactivate', false]] as const) {
    user
      .command(name)
      .description(active ? 'allow a user to sign in again' : 'stop a user signing in and end their sessions')
      .requiredOption('--email <email>', 'sign-in email')
      .action((options: { email: string }) =>
        withDatabase(async () => {
          const found = await requireUserByEmail(options.email);
          await setUserActive(systemActor, found.organizationId, found.id, active);
          console.log(`${active ? 'Activated' : 'Deactivated'} ${found.email}.`);
        }),
      );
  }
}
