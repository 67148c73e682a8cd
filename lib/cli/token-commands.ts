import type { Command } from 'commander';
import { systemActor } from '@/lib/auth/actor';
import { createPersonalAccessToken, listPersonalAccessTokens, revokePersonalAccessToken } from '@/lib/auth/tokens';
import { withDatabase } from './run';
import { requireUserByEmail } from './user-commands';

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('personal access tokens for the REST API');

  token
    .command('create')
    .description('create a token for a user and print it (it is shown only once)')
    .requiredOption('--email <email>', "the token owner's email")
    .option('--name <name>', 'what the token is for', 'CLI')
    .action((options: { email: string; name: string }) =>
      withDatabase(async () => {
        const owner = await requireUserByEmail(options.email);
        const { token: value, record } = await createPersonalAccessToken(systemActor, owner.id, { name: options.name });
        console.error(`Token ${record.id} for ${owner.email}; use it as "Authorization: Bearer <token>":`);
        console.log(value);
      }),
    );

  token
    .command('list')
    .description("list a user's tokens")
    .requiredOption('--email <email>', "the tokens' owner")
    .action((options: { email: string }) =>
      withDatabase(async () => {
        const owner = await requireUserByEmail(options.email);
        const rows = await listPersonalAccessTokens(owner.id);
        if (!rows.length) console.log('No tokens.');
        for (const row of rows) {
          const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()}` : 'active';
          console.log(`${row.id}  ${row.prefix}…  ${row.name}  ${state}`);
        }
      }),
    );

  token
    .command('revoke')
    .description('revoke a token by id')
    .requiredOption('--id <id>', 'token id (from `token list`)')
    .action((options: { id: string }) =>
      withDatabase(async () => {
        await revokePersonalAccessToken(systemActor, options.id);
        console.log(`Revoked token ${options.id}.`);
      }),
    );
}
