// @ts-check
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { compareImages } from './scripts/screenshot-diff.mjs';

/** Packages whose default resolution is not a browser ES module, mapped to the build a browser loads. */
const BROWSER_BUILDS = {
  // Mediabunny's package exports pick its Node build; browsers need the ESM bundle.
  mediabunny: '/node_modules/mediabunny/dist/bundles/mediabunny.mjs',
  // Dexie's "import" condition is a CommonJS wrapper; its real ES module is dexie.mjs.
  dexie: '/node_modules/dexie/dist/dexie.mjs',
  // The AAC encoder only imports worker_threads under Node (inside a try); browsers get an empty module.
  worker_threads: '/__browser/empty.js',
  // fft.js ships CommonJS only; esbuild wraps it as an ES module with a default export (as Vite does).
  'fft.js': '/__browser/fft.js',
};

/** CommonJS packages served as ES modules, bundled once by esbuild. */
const COMMONJS = { '/__browser/fft.js': 'fft.js' };
const cjsCache = new Map();

const browserBuilds = {
  name: 'browser-builds',
  resolveImport({ source }) {
    return BROWSER_BUILDS[source];
  },
  async serve(context) {
    if (context.path === '/__browser/empty.js') return { body: 'export {};', type: 'js' };
    // A JSON file imported by a module (Vite bundles these) becomes `export default <json>`; fetch() still gets JSON.
    if (context.path.endsWith('.json') && context.request.headers['sec-fetch-dest'] === 'script') {
      const text = await readFile(join(process.cwd(), decodeURIComponent(context.path)), 'utf8');
      return { body: `export default ${text};`, type: 'js' };
    }
    const pkg = COMMONJS[context.path];
    if (!pkg) return undefined;
    if (!cjsCache.has(pkg)) {
      const out = await build({ stdin: { contents: `export { default } from '${pkg}';`, resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false, platform: 'browser' });
      cjsCache.set(pkg, out.outputFiles[0].text);
    }
    return { body: cjsCache.get(pkg), type: 'js' };
  },
};

/**
 * `executeServerCommand('screenshot', { name })`: the test page as a JPEG in .test-results/screenshots/ (ignored by
 * git), so a test run never dirties the tree. `npm run screenshots` (MR_UPDATE_SCREENSHOTS=1) also copies each one to
 * docs/screenshots/ (the README shows them) — only when its decoded pixels differ from the committed picture beyond
 * the tolerances of scripts/screenshot-diff.mjs, so an unchanged view leaves its file alone.
 */
const screenshots = {
  name: 'screenshot-command',
  async executeCommand({ command, payload, session }) {
    if (command !== 'screenshot') return undefined;
    const name = String(payload?.name ?? '');
    if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name must be letters, digits, dots and dashes, not ${JSON.stringify(name)}`);
    const outDir = join(process.cwd(), '.test-results/screenshots');
    await mkdir(outDir, { recursive: true });
    const out = join(outDir, `${name}.jpg`);
    const page = session.browser.getPage(session.id);
    await page.screenshot({ path: out, type: 'jpeg', quality: 70, fullPage: true });
    if (process.env.MR_UPDATE_SCREENSHOTS === '1') {
      const docs = join(process.cwd(), 'docs/screenshots', `${name}.jpg`);
      const { same, share } = compareImages(out, docs);
      if (!same) {
        await mkdir(join(process.cwd(), 'docs/screenshots'), { recursive: true });
        await copyFile(out, docs);
        console.log(`screenshot ${name}: ${(share * 100).toFixed(2)} % of pixels changed, docs/screenshots/${name}.jpg updated`);
      }
    }
    return true;
  },
};

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  plugins: [browserBuilds, screenshots, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.ui.json' })],
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
