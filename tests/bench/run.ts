// `npm run bench -- <name> [options]`: a benchmark script tests/bench/<name>.ts when there is one
// (it starts servers and measures over HTTP), otherwise Vitest's bench on the files matching <name>.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const script = name ? `tests/bench/${name}.ts` : null;
const command = script && existsSync(script)
  ? ['node_modules/.bin/tsx', script, ...rest]
  : ['node_modules/.bin/vitest', 'bench', '--run', ...(name ? [name] : []), ...rest];
const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
process.exit(result.status ?? 1);
