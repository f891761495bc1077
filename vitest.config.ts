import { defineConfig } from 'vitest/config';

/**
 * Three projects by speed. `unit` (seconds) is the one to run while working
 * (`npm run test:unit`); `slow` starts servers, browsers and child processes; `npm test` runs all.
 */
const slow = [
  'test/e2e/**/*.test.ts',
  'test/integration/load.test.ts',
  'test/integration/fuzz.test.ts',
  'test/integration/startup.test.ts',
  'test/integration/shutdown.test.ts',
  'test/integration/crash-safety.test.ts',
  'test/integration/ingest-crash.test.ts',
  'test/integration/knowledge-base-ingest.test.ts',
  // PostgreSQL: each file starts its own server (PGlite, or Debian's PostgreSQL 15).
  'test/integration/postgres-*.test.ts',
];

export default defineConfig({
  test: {
    // Native addons (hnswlib, jieba, onnxruntime) are safest in forked processes.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: slow } },
      { extends: true, test: { name: 'slow', include: slow } },
    ],
  },
});
