import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Benchmarks need a database: they run once, in the integration project.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', benchmark: { include: [] } },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
          environment: 'node',
          // PGlite starts in a few seconds; CLI tests spawn processes. Give both room on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: {
            SIGNIN_MAX_FAILURES: '5', SIGNIN_WINDOW_MINUTES: '15', PASSWORD_HASH_COST: '10', OIDC_DEPARTMENT_CLAIM: 'department',
            // One folder per database kind: CI runs the two side by side.
            FILES_DIR: path.join(os.tmpdir(), `xiezuo-test-files-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`),
            // Small limits, so the library's cap and quota are reached in a few megabytes.
            FILE_MAX_BYTES: String(5 * 1024 * 1024), SPACE_FILE_QUOTA_BYTES: String(20 * 1024 * 1024),
          },
        },
      },
    ],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    // One worker per core (Vitest's default leaves one free): the integration tests spend much of
    // their time waiting on the database, so a second file runs meanwhile.
    maxWorkers: '100%',
  },
});
