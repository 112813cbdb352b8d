import { defineConfig } from 'vitest/config';

// Real Firefox ESR with the built Firefox add-on: one browser per file, files one after another (2 cores here).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['test/e2e-firefox/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
