// After one visit the app starts with the network off (Workbox precache) and runs a job of the loop
// offline. Built and served like production, driven in the system Chromium by playwright-core.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error plain ESM without types
import { serveStatic } from '../../bin/lib/serve.mjs';
// @ts-expect-error plain ESM without types
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'mr-offline-'));
const dist = join(work, 'dist');
const shots = join(root, '.test-results', 'screenshots');

let served: { port: number; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  buildApp(dist, { ...process.env, NODE_ENV: 'production' });
  mkdirSync(shots, { recursive: true });
  served = await serveStatic(dist, 0);
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('offline', () => {
  it('the service worker precaches every built asset, workers and wasm included', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const assets = spawnSync('find', [dist, '-type', 'f', '(', '-name', '*.js', '-o', '-name', '*.wasm', '-o', '-name', '*.html', ')', '-not', '-name', 'sw.js'], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(assets.length).toBeGreaterThan(3);
    for (const a of assets) expect(sw, a).toContain(`"${a.slice(dist.length + 1)}"`);
  });

  it('after one visit, the app starts and works with the network off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = `http://127.0.0.1:${served.port}/`;
    await page.goto(url);
    // The first visit installs the worker and its precache; clientsClaim makes it control this page.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000, interval: 250 }).toBe('activated');
    await context.setOffline(true);
    // The network really is off: anything not precached fails.
    expect(await page.evaluate(async () => fetch(`/not-cached-${Date.now()}.json`).then(() => 'fetched', () => 'failed'))).toBe('failed');
    await page.reload();
    await page.getByRole('tab', { name: 'Registries' }).click();
    await expect.poll(() => page.locator('registries-view registry-table tbody tr').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(16);
    // A deep link (navigation fallback to the precached index.html) opens offline too.
    await page.goto(`${url}some/deep/link#diagnostics`);
    await expect.poll(() => page.locator('diagnostics-view #jobs').textContent(), { timeout: 20_000 }).toBe('0');
    await page.screenshot({ path: join(shots, 'offline-diagnostics.png') });
    await context.close();
  }, 120_000);

  it('after one visit, runs a job of the loop with the network off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${served.port}/`);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000, interval: 250 }).toBe('activated');
    await context.setOffline(true);
    await page.reload();
    // a first visit opens on the welcome: go to the loop as a person would
    await page.getByRole('tab', { name: 'Loop' }).click();
    await page.locator('loop-view input[placeholder="∞"]').fill('1');
    await page.locator('loop-view input[placeholder="∞"]').dispatchEvent('change');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('loop-view #status').textContent(), { timeout: 240_000, interval: 1000 }).toMatch(/done|error/);
    expect(await page.locator('loop-view [role=alert]').count()).toBe(0);
    expect(await page.locator('loop-view #status').textContent()).toBe('done');
    await page.screenshot({ path: join(shots, 'offline-loop.png') });
    // The job is recorded whole: its learning and discovery records are there.
    await page.getByRole('tab', { name: 'Diagnostics' }).click();
    await expect.poll(() => page.locator('diagnostics-view #jobs').textContent(), { timeout: 20_000 }).toBe('1');
    expect(await page.locator('diagnostics-view #missing-learning').textContent()).toBe('0');
    expect(await page.locator('diagnostics-view #missing-discovery').textContent()).toBe('0');
    await context.close();
  }, 300_000);
});
