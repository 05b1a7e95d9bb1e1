import { defineConfig } from 'vitest/config';

// The API tests (tests/api): each file starts the real Worker in workerd through miniflare.
// vitest-pool-workers 0.15.1 could run Worker-side tests, but the fault tests stop and restart the
// runtime mid-push and the clients under test are Node code, so the Worker runs as a real server instead.
export default defineConfig({
  test: {
    include: ['tests/api/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
