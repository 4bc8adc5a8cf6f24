import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests against a real database
// (PGlite, or PostgreSQL when LINLI_TEST_DB=postgres), and browser tests in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/{domain,shared,web}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Property tests run hundreds of cases; on a busy 2-core machine 5 s is not a bound on them.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/{server,cli}/**/*.test.ts'],
          // The embedded database's lock has nothing to test on PostgreSQL; several server processes on
          // one database, or two transactions open at once, need PostgreSQL (`*.pg.test.ts`).
          exclude:
            process.env.LINLI_TEST_DB === 'postgres'
              ? ['src/cli/data-dir-lock.test.ts']
              : ['src/**/*.pg.test.ts'],
          environment: 'node',
          // Migrates one database per run; each file's openTestDatabase starts from a copy of it.
          globalSetup: ['src/server/test-support/migrated-template-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Each file imports the whole server: in a fresh module graph per file, importing took a third of
          // the run. Files share a worker's modules instead; what they keep in memory is keyed by random ids
          // or by database, and each file makes its own apps and databases.
          isolate: false,
          // Vitest's default on 2 cores is one file at a time; a file spends much of its time waiting on
          // PostgreSQL or on PGlite's start, so two at once keeps both cores busy.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Seeds the demo once per run; each file's server starts on a copy (test/e2e/demo-templates.ts).
          // One Chromium for the run, too (test/e2e/chromium-setup.ts).
          globalSetup: ['test/e2e/demo-templates-setup.ts', 'test/e2e/chromium-setup.ts'],
          setupFiles: ['test/e2e/failure-screenshots.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One file at a time: two at once on 2 cores made sign-in (argon2) time out under CI's load.
          fileParallelism: false,
        },
      },
    ],
  },
});
