import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{bot,knowledge,handlers,adapters,scripts}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['bot/test-support/build-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
