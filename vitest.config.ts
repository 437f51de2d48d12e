import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Messages in English for the tests that call the core directly (the CLI helpers choose for themselves).
    setupFiles: ['tests/helpers/english.ts'],
    // Builds dist/ when a source is newer, for the few tests that run the real program.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CLI and browser tests spawn processes; two workers fit the 2-core CI machine. Forks, the
    // default: the whole suite in worker threads took more CPU, not less (258 s against 236 s).
    maxWorkers: 2,
  },
});
