import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CLI and browser tests spawn processes; two workers fit the 2-core CI machine.
    maxWorkers: 2,
  },
});
