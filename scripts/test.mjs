// `npm test`: every check this project has, in order, with one closing line of totals.
// typecheck and lint count as one test each; vitest and @web/test-runner report their own counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureDebianPackages, TEST_PACKAGES } from './chromium.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function run(cmd, args) {
  process.stderr.write(`\n▶ ${cmd} ${args.join(' ')}\n`);
  return spawnSync(cmd === 'npx' ? `node_modules/.bin/${args[0]}` : cmd, cmd === 'npx' ? args.slice(1) : args, { stdio: 'inherit', env: process.env }).status === 0;
}

function add(counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
}

try {
  ensureDebianPackages(TEST_PACKAGES);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  console.log('0 passed, 1 failed');
  process.exit(1);
}

rmSync('.test-results', { recursive: true, force: true });

if (want('typecheck')) {
  for (const cfg of ['core', 'workers', 'ui', 'node']) {
    add(run('npx', ['tsc', '-p', `tsconfig.${cfg}.json`]) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  }
}
if (want('lint')) add(run('npx', ['eslint', '.']) && run('node', ['scripts/check-docblocks.mjs']) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

if (want('node')) {
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.test-results/node.json']);
  if (existsSync('.test-results/node.json')) {
    const r = JSON.parse(readFileSync('.test-results/node.json', 'utf8'));
    add({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests });
    if (!ok && r.numFailedTests === 0) add({ passed: 0, failed: 1 });
  } else add({ passed: 0, failed: 1 });
}

if (want('api')) {
  // The sync API against the real Worker runtime (workerd through miniflare), its own vitest config.
  const ok = run('npx', ['vitest', 'run', '--config', 'vitest.api.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=.test-results/api.json']);
  if (existsSync('.test-results/api.json')) {
    const r = JSON.parse(readFileSync('.test-results/api.json', 'utf8'));
    add({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests });
    if (!ok && r.numFailedTests === 0) add({ passed: 0, failed: 1 });
  } else add({ passed: 0, failed: 1 });
}

if (want('browser')) {
  const ok = run('npx', ['web-test-runner']);
  if (existsSync('.test-results/browser.json')) {
    const r = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
    add(r);
    if (!ok && r.failed === 0) add({ passed: 0, failed: 1 });
  } else add({ passed: 0, failed: 1 });
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
