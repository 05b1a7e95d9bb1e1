// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';

/** Mediabunny's package exports pick its Node build; browsers need the ESM bundle. */
const mediabunnyBrowser = {
  name: 'mediabunny-browser',
  resolveImport({ source }) {
    if (source === 'mediabunny') return '/node_modules/mediabunny/dist/bundles/mediabunny.mjs';
    return undefined;
  },
};

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  plugins: [mediabunnyBrowser, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.ui.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 1,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 20 * 60_000,
  testFramework: { config: { timeout: 180_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter('.test-results/browser.json')],
};
