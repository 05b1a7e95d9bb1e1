// The app in system Chromium, built and served like production: every view with real registry data
// (imported through the Export/Import view), screenshots in .test-results/screenshots/, keyboard tabs,
// a phone-sized screen; then it runs real jobs from the Loop view and kills a page mid-job.
import 'fake-indexeddb/auto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { exportRegistries } from '../../src/storage/export.ts';
import { runJob } from '../../src/loop/run-job.ts';
import { dataPipeline } from './loop-data-pipeline.ts';
// @ts-expect-error plain ESM without types
import { serveStatic } from '../../bin/lib/serve.mjs';
// @ts-expect-error plain ESM without types
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'mr-app-'));
const dist = join(work, 'dist');
const shots = join(root, '.test-results', 'screenshots');
const JOBS = 12;

let served: { port: number; close: () => Promise<void> };
let browser: Browser;
let exportFile: string;

beforeAll(async () => {
  buildApp(dist, { ...process.env, NODE_ENV: 'production' });
  // Registry data: jobs of every workflow recorded by the real job runner (media steps as data), exported.
  const db = await openRegistries(`app-data-${Date.now()}`);
  const workflows = ['frame-explorer', 'frame-exploiter', 'window', 'all'] as const;
  for (let i = 0; i < JOBS; i++) await runJob({ db, pipeline: dataPipeline(), workflow: workflows[i % 4]!, seed: 'app', index: i, exploitRatio: 0.4, now: () => new Date(Date.UTC(2026, 0, 1, 0, i)) });
  exportFile = join(work, 'registries.json');
  writeFileSync(exportFile, JSON.stringify(await exportRegistries(db), null, 2));
  db.close();
  mkdirSync(shots, { recursive: true });
  served = await serveStatic(dist, 0);
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(page: Page, view = 'loop') {
  await page.goto(`http://127.0.0.1:${served.port}/#${view}`);
  await page.locator('mr-app nav button[role=tab]').first().waitFor();
}

async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('the app', () => {
  it('imports real registry data and shows every view (screenshots)', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, 'transfer');
    await page.locator('transfer-view input[type=file]').setInputFiles(exportFile);
    await expect.poll(() => page.locator('transfer-view [role=status]').textContent(), { timeout: 20_000 }).toMatch(/^Imported registries\.json: \d+ added/);
    // A malformed file is refused with precise problems.
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'motion-registries/1', exported_at: 'yesterday' }));
    await page.locator('transfer-view input[type=file]').setInputFiles(bad);
    await expect.poll(() => page.locator('transfer-view [role=alert]').textContent()).toMatch(/^Import failed: bad\.json: the file is JSON but not a motion-registries\/1 export .*Nothing was changed\.$/);
    expect(await page.locator('transfer-view ul.error li').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, 'app-transfer.png'), fullPage: true });

    await tab(page, 'Registries');
    const rows = page.locator('registries-view registry-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(16);
    expect(await page.locator('registries-view registry-table th').allTextContents()).toContain('Depth (vs pure static)');
    await page.screenshot({ path: join(shots, 'app-registries-colors.png'), fullPage: true });
    await page.locator('registries-view select[name=registry]').selectOption('dynamic.blends');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.locator('registries-view depth-bar').first().getAttribute('aria-label')).toMatch(/motion\.\w+ [\d.]+ %/);
    await page.screenshot({ path: join(shots, 'app-registries-blends.png'), fullPage: true });
    await page.locator('registries-view select[name=registry]').selectOption('narrative');
    // the narrative layers load after the choice: wait for them
    const layers = page.locator('registries-view table tbody td:first-child b');
    await expect.poll(async () => [...new Set(await layers.allTextContents())].sort(), { timeout: 20_000 }).toEqual(['intended', 'observed']);
    await page.screenshot({ path: join(shots, 'app-registries-narrative.png'), fullPage: true });

    await tab(page, 'Diagnostics');
    await expect.poll(() => page.locator('diagnostics-view #jobs').textContent()).toBe(String(JOBS));
    expect(await page.locator('diagnostics-view #missing-learning').textContent()).toBe('0');
    expect(await page.locator('diagnostics-view #missing-discovery').textContent()).toBe('0');
    expect(await page.locator('diagnostics-view agreement-plot polyline').count()).toBe(8);
    await page.screenshot({ path: join(shots, 'app-diagnostics.png'), fullPage: true });

    await tab(page, 'Loop');
    await expect.poll(() => page.locator('loop-view .counts').textContent()).toContain(`Clips made ${JOBS}`);
    await page.screenshot({ path: join(shots, 'app-loop.png'), fullPage: true });
    await tab(page, 'Analyze');
    // Three real MP4s analysed in the page: each report drawn as pictures (palette, sound, spectrogram, motion/camera,
    // shots). The third has a 440 Hz tone fading out; the first two have no audio track.
    const media = join(root, 'tests/fixtures/media');
    await page.locator('analyze-view input[type=file]').setInputFiles([join(media, 'cuts-15-30-45.mp4'), join(media, 'pan-left-fast.mp4'), join(media, 'narrative-peak-fade.mp4')]);
    await expect.poll(() => page.locator('analyze-view report-view').count(), { timeout: 90_000, interval: 500 }).toBe(3);
    const reports = page.locator('analyze-view report-view');
    expect(await reports.first().locator('p.muted').first().textContent()).toMatch(/cuts-15-30-45\.mp4 .* 60 frames .* 3 cuts/);
    expect(await reports.first().locator('svg[aria-label="palette per frame"] rect').count()).toBeGreaterThan(60);
    expect(await reports.nth(1).locator('svg[aria-label="motion and camera per window"] title').first().textContent()).toMatch(/^pan left \(pan_left; /);
    // The spectrogram: computed in the analysis worker from the file with audio, "no audio" for the files without.
    const spectro = reports.nth(2).locator('spectrogram-strip canvas');
    await spectro.waitFor({ timeout: 20_000 });
    const box = await spectro.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(50);
    expect(await spectro.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([90, 48]); // 3 s at 30 columns/s × 48 bands
    const strongest = Number((await spectro.getAttribute('aria-label'))!.match(/strongest around (\d+) Hz/)![1]);
    expect(Math.abs(strongest / 440 - 1)).toBeLessThan(0.05); // the fixture's 440 Hz tone
    await expect.poll(() => reports.first().locator('spectrogram-strip p').textContent()).toBe('Spectrogram: no audio');
    expect(await reports.first().locator('spectrogram-strip canvas').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'app-analyze.png'), fullPage: true });
    await tab(page, 'Interpret');
    await page.getByRole('button', { name: 'Interpret', exact: true }).click();
    await expect.poll(async () => (await page.locator('interpret-view pre').count()) + (await page.locator('interpret-view [role=alert]').count())).toBe(1);
    await page.screenshot({ path: join(shots, 'app-interpret.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('tabs work from the keyboard and the layout fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await open(page, 'loop');
    await page.getByRole('tab', { name: 'Loop' }).focus();
    await page.keyboard.press('ArrowRight');
    // the tab after Loop is Create (Home, Loop, Create, Analyze, …)
    await expect.poll(() => page.getByRole('tab', { name: 'Create' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => (document.querySelector('mr-app')!.shadowRoot!.activeElement as HTMLElement | null)?.id)).toBe('tab-create');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { name: 'Loop' }).getAttribute('aria-selected')).toBe('true');
    // Nothing wider than the screen but the tables, which scroll inside themselves.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shots, 'app-phone-loop.png'), fullPage: true });
    // The Analyze view's report, spectrogram included, fits the phone too.
    await tab(page, 'Analyze');
    await page.locator('analyze-view input[type=file]').setInputFiles(join(root, 'tests/fixtures/media/narrative-peak-fade.mp4'));
    await page.locator('analyze-view spectrogram-strip canvas').waitFor({ timeout: 90_000 });
    expect((await page.locator('analyze-view spectrogram-strip canvas').boundingBox())!.width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shots, 'app-phone-analyze.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('runs jobs from the Loop view; a page killed mid-job leaves no partial job and offers to resume', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    let page = await context.newPage();
    await open(page, 'loop');
    await page.locator('loop-view input[placeholder="∞"]').fill('2');
    await page.locator('loop-view input[placeholder="∞"]').dispatchEvent('change');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('loop-view #status').textContent(), { timeout: 240_000, interval: 1000 }).toBe('done');
    expect(await page.locator('loop-view video').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'app-loop-ran.png'), fullPage: true });
    // Start a long loop, then kill the page while a job is in its create or analyze step.
    await page.locator('loop-view input[placeholder="∞"]').fill('');
    await page.locator('loop-view input[placeholder="∞"]').dispatchEvent('change');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.evaluate(() => {
      const bars = Array.from(document.querySelector('mr-app')!.shadowRoot!.querySelector('loop-view')!.shadowRoot!.querySelector('step-progress')!.shadowRoot!.querySelectorAll('progress'));
      return bars.findIndex((b) => b.value > 0 && b.value < 1);
    }), { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await open(page, 'diagnostics');
    const jobs = Number(await page.locator('diagnostics-view #jobs').textContent());
    expect(jobs).toBeGreaterThanOrEqual(2);
    expect(await page.locator('diagnostics-view #missing-learning').textContent()).toBe('0');
    expect(await page.locator('diagnostics-view #missing-discovery').textContent()).toBe('0');
    await page.screenshot({ path: join(shots, 'app-real-diagnostics.png'), fullPage: true });
    await tab(page, 'Registries');
    await page.locator('registries-view select[name=registry]').selectOption('dynamic.blends');
    await expect.poll(() => page.locator('registries-view registry-table tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'app-real-registries-blends.png'), fullPage: true });
    await tab(page, 'Loop');
    await expect(page.getByRole('button', { name: 'Resume it' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(shots, 'app-loop-resume.png'), fullPage: true });
    await context.close();
  }, 600_000);
});
