import type { Command } from 'commander';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@/lib/org/demo-data';
import { seedDemo } from '@/lib/org/demo-seed';
import { backfillSearchColumns } from '@/lib/search/backfill';
import { describeDatabase, withDatabase } from './run';

export function printDemoSignIn(): void {
  console.log(`Demo sign-in: ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}  (every demo user has this password)`);
}

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(() =>
      withDatabase(async (handle) => {
        console.log(`Schema is up to date on ${describeDatabase(handle)}.`);
      }),
    );

  program
    .command('seed-demo')
    .description('add the demo company (departments and about 30 users) to an empty database')
    .action(() =>
      withDatabase(async (handle) => {
        const result = await seedDemo();
        console.log(
          result.seeded
            ? `Seeded the demo company on ${describeDatabase(handle)}.`
            : 'The database already has an organisation; nothing was seeded.',
        );
        if (result.seeded) printDemoSignIn();
      }),
    );

  program
    .command('search-backfill')
    .description('fill the global search columns of tasks, files and knowledge pages that lack them (the server also does this at start-up)')
    .action(() =>
      withDatabase(async () => {
        const counts = await backfillSearchColumns();
        console.log(`Search columns filled: ${counts.tasks} tasks, ${counts.files} files, ${counts.pages} knowledge pages.`);
      }),
    );
}
