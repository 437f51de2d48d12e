import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const tests = fileURLToPath(new URL('tests', import.meta.url));

/**
 * The test files that replace a module with vi.mock or vi.doMock. A mock's factory applies only
 * to a module that is imported afresh, and the replaced module must not reach another file, so
 * these run isolated, each in a process of its own. Found by reading the files, so a new test
 * that mocks is isolated without being listed here.
 */
const mocking = readdirSync(tests, { recursive: true, encoding: 'utf8' })
  .filter((rel) => rel.endsWith('.test.ts') && /\bvi\.(?:do)?[mM]ock\(/.test(readFileSync(join(tests, rel), 'utf8')))
  .map((rel) => `tests/${rel}`)
  .sort();

/** What every file runs with, isolated or not. */
const common = {
  // Messages in English for the tests that call the core directly (the CLI helpers choose for themselves).
  // Each file starts with no exit code left by the one before (see the file).
  setupFiles: ['tests/helpers/english.ts', 'tests/helpers/process-state.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Builds dist/ when a source is newer, for the few tests that run the real program. Here, not
    // in the projects, so that it runs once for the run and not once more for each project.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // CLI and browser tests spawn processes; two workers fit the 2-core CI machine. Forks, the
    // default: the whole suite in worker threads took more CPU, not less (258 s against 236 s).
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...mocking],
          // The files share their worker's loaded modules instead of loading the sources, ajv,
          // yaml, liquidjs and markdown-it again for each file: the whole suite took 187 s of CPU
          // instead of 284 s (116 s wall instead of 245 s, 2,377 tests, on 2 cores with other
          // work running). No file here mocks a module, and those that change process.env, the
          // clock or a spy put it back; the setup file runs again before each file.
          isolate: false,
        },
      },
      { test: { ...common, name: 'isolated', include: mocking } },
    ],
  },
});
