// The files benchmark (issue 7): a 100 MB upload and download through the app against copying
// the same file with `cp` on the same disk, and the server's memory while the bytes stream.
//   npm run bench -- files [--mb 100] [--runs 3] [--pglite]
import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { closeDatabase, setDatabaseHandle } from '@/db/client';
import { users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createPersonalAccessToken } from '@/lib/auth/tokens';
import { BENCH_USER, prepareDatabase, seedBenchSpaces, startApp } from './bench-app';
import { percentile } from './percentile';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MB = option('mb', 100);
const RUNS = option('runs', 3);
const PORT = 3470;
const BARE_PORT = 3471;

/** The server's resident memory (it and its children), in MB. */
function rssMb(pid: number): number {
  const out = execFileSync('ps', ['-o', 'rss=', '--ppid', String(pid), '-p', String(pid)], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).reduce((sum, kb) => sum + Number(kb), 0) / 1024;
}

/** Runs `work` while sampling the server's memory every 25 ms; the seconds it took and the highest reading. */
async function measured(pid: number, work: () => Promise<void>) {
  let peak = rssMb(pid);
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 25);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { seconds: (performance.now() - started) / 1000, peak: Math.max(peak, rssMb(pid)) };
}

const curl = (args: string[]) => new Promise<string>((resolve, reject) => {
  execFile('curl', args, { maxBuffer: 1 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
});

const median = (values: number[]) => percentile(values, 50);
const rate = (seconds: number) => `${(MB / seconds).toFixed(0).padStart(5)} MB/s`;

const work = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-files-bench-'));
const filesDir = path.join(work, 'store');
const source = path.join(work, 'source.bin');
const database = await prepareDatabase(!process.argv.includes('--pglite'));
try {
  // Random bytes: nothing along the way can compress them.
  await writeFile(source, randomBytes(MB * 1024 * 1024));
  const size = (await stat(source)).size;
  const [spaceId] = await seedBenchSpaces(database, [{ name: '文件基准', plan: { tasks: 0, dependencies: 0 } }]);
  const handle = await database.open();
  setDatabaseHandle(handle);
  const [admin] = await handle.db.select().from(users).where(eq(users.email, BENCH_USER.email));
  const token = (await createPersonalAccessToken(systemActor, admin!.id, { name: 'bench' })).token;
  await closeDatabase();

  const copies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    execFileSync('cp', [source, path.join(work, `copy-${i}.bin`)]);
    copies.push((performance.now() - started) / 1000);
    await rm(path.join(work, `copy-${i}.bin`));
  }

  // A bare node:http server that does only the copying (request to file, file to response): what
  // HTTP itself costs here, without hashing, checks or the framework.
  const bare = http.createServer((request, response) => {
    const file = path.join(work, 'bare.bin');
    if (request.method === 'POST') {
      void pipeline(request, createWriteStream(file)).then(() => response.end('ok'));
    } else {
      void pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), response);
    }
  });
  await new Promise<void>((resolve) => bare.listen(BARE_PORT, '127.0.0.1', resolve));
  const bareUp: number[] = [];
  const bareDown: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let started = performance.now();
    await curl(['-sS', '--fail', '-X', 'POST', '-T', source, `http://127.0.0.1:${BARE_PORT}/`]);
    bareUp.push((performance.now() - started) / 1000);
    started = performance.now();
    await curl(['-sS', '--fail', '-o', path.join(work, 'bare-down.bin'), `http://127.0.0.1:${BARE_PORT}/`]);
    bareDown.push((performance.now() - started) / 1000);
  }
  bare.close();

  const app = await startApp(PORT, { ...database.env, FILES_DIR: filesDir, FILE_MAX_BYTES: String(size + 1) });
  try {
    const idle = rssMb(app.pid);
    const uploads: { seconds: number; peak: number }[] = [];
    const downloads: { seconds: number; peak: number }[] = [];
    let fileId = '';
    for (let i = 0; i < RUNS; i++) {
      uploads.push(await measured(app.pid, async () => {
        // curl sends and receives: a client that costs little, so the figures are the server's.
        const answer = await curl(['-sS', '-X', 'POST', '-H', `authorization: Bearer ${token}`, '-H', 'content-type: application/octet-stream', '-T', source, '-w', '\n%{http_code}', `${app.base}/api/v1/spaces/${spaceId}/files?name=bench-${i}.bin`]);
        const status = answer.slice(answer.lastIndexOf('\n') + 1);
        if (status !== '201') throw new Error(`upload failed: HTTP ${answer}`);
        const response = { json: async () => JSON.parse(answer.slice(0, answer.lastIndexOf('\n'))) as unknown };
        fileId = ((await response.json()) as { file: { id: string } }).file.id;
      }));
      const target = path.join(work, `download-${i}.bin`);
      downloads.push(await measured(app.pid, async () => {
        await curl(['-sS', '--fail', '-H', `authorization: Bearer ${token}`, '-o', target, `${app.base}/api/v1/files/${fileId}/content`]);
      }));
      if ((await stat(target)).size !== size) throw new Error('the download is not the whole file');
      if (i === 0 && !(await readFile(target)).equals(await readFile(source))) throw new Error('the download differs from the upload');
      await rm(target);
    }
    const cp = median(copies);
    const up = median(uploads.map((u) => u.seconds));
    const down = median(downloads.map((d) => d.seconds));
    const peak = Math.max(...uploads.map((u) => u.peak), ...downloads.map((d) => d.peak));
    console.log(`Files benchmark on ${database.label}: a ${MB} MB file, median of ${RUNS} runs, same disk (${work})`);
    console.log(`  cp                 ${cp.toFixed(2).padStart(6)} s  ${rate(cp)}`);
    const [bu, bd] = [median(bareUp), median(bareDown)];
    console.log(`  bare node:http     upload ${bu.toFixed(2)} s ${rate(bu)} (${(cp / bu).toFixed(2)}× cp), download ${bd.toFixed(2)} s ${rate(bd)} (${(cp / bd).toFixed(2)}× cp)`);
    console.log(`  Xiezuo upload      ${up.toFixed(2).padStart(6)} s  ${rate(up)}  ${(cp / up).toFixed(2)}× cp's speed (target ≥ 0.5×), ${(bu / up).toFixed(2)}× bare node:http`);
    console.log(`  Xiezuo download    ${down.toFixed(2).padStart(6)} s  ${rate(down)}  ${(cp / down).toFixed(2)}× cp's speed (target ≥ 0.5×), ${(bd / down).toFixed(2)}× bare node:http`);
    console.log(`  server memory      idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB while streaming (+${(peak - idle).toFixed(0)} MB for a ${MB} MB file)`);
  } finally {
    await app.stop();
  }
} finally {
  await database.drop();
  await rm(work, { recursive: true, force: true });
}
