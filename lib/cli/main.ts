import './load-env';
import { Command } from 'commander';
import { registerBackupCommands } from './backup-commands';
import { registerDatabaseCommands } from './database-commands';
import { registerServerCommands } from './server-commands';
import { registerTokenCommands } from './token-commands';
import { registerUserCommands } from './user-commands';

const program = new Command('xiezuo')
  .description('Xiezuo administration: run as `npm run cli -- <command>`')
  .showHelpAfterError();

registerDatabaseCommands(program);
registerUserCommands(program);
registerTokenCommands(program);
registerServerCommands(program);
registerBackupCommands(program);

await program.parseAsync(process.argv);
