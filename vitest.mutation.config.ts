import { configDefaults, defineConfig } from 'vitest/config';

// The tests that hold the privacy code to account, for Stryker (npm run test:mutation): the
// table tests and property tests of the confidentiality module, the identity-number rule and
// the link filter. They run in milliseconds, so every mutant is tried against all of them.
export default defineConfig({
  test: {
    include: [
      'tests/model/confidentiality.test.ts',
      'tests/rules/identity-numbers*.test.ts',
      'tests/rules/privacy*.test.ts',
      'tests/render/markdown*.test.ts',
      'tests/render/user-text*.test.ts',
      'tests/render/links*.test.ts',
    ],
    // The equivalence tests over whole rendered workspaces take seconds a run; the seeded ones kill the same mutants.
    exclude: [...configDefaults.exclude, 'tests/**/*-equivalence-workspaces.test.ts'],
    // As in vitest.config.ts: the tests written in English say so once, before every file.
    setupFiles: ['tests/helpers/english.ts'],
    testTimeout: 30_000,
  },
});
