// The CLI's local server (bin/lib/serve.mjs, issue #17.10): it answers only to its own name (DNS rebinding gets 403),
// sends a strict Content-Security-Policy, the built index.html carries the same policy, and the built app runs
// under it in Chromium (workers, the AAC encoder's blob worker and WebAssembly, analysis) with no violation. And
// `analyze … --jsonl` as the README documents it (issue #13.8), a bad file never stopping the batch.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error plain ESM without types
import { CONTENT_SECURITY_POLICY, serveStatic } from '../../bin/lib/serve.mjs';
// @ts-expect-error plain ESM without types
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'mr-serve-'));
const dist = join(work, 'dist');
let served: { port: number; close: () => Promise<void> };
let browser: Browser;

/** Runs the CLI on the test's own build. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'bin/motion-registries.mjs'), ...args], { env: { ...process.env, MR_DIST: dist }, cwd: root, timeout: 180_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** GET `path` with exactly this Host header (undefined: none at all, as HTTP/1.0 allows). */
function get(path: string, host: string | undefined): Promise<{ status: number; csp: string | undefined }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: served.port, path, method: 'GET', setHost: false, headers: host === undefined ? {} : { host } }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The directives of a policy, name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

beforeAll(async () => {
  buildApp(dist, { ...process.env, NODE_ENV: 'production' });
  served = await serveStatic(dist, 0);
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the local server', () => {
  it('answers 127.0.0.1:PORT and localhost:PORT, and 403 to any other Host (DNS rebinding) or none', async () => {
    const p = served.port;
    expect((await get('/index.html', `127.0.0.1:${p}`)).status).toBe(200);
    expect((await get('/index.html', `localhost:${p}`)).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${p}`, `127.0.0.1:${p + 1}`, '127.0.0.1', `localhost.evil.example:${p}`, `[::1]:${p}`]) {
      expect((await get('/index.html', host)).status, host).toBe(403);
    }
    // no Host at all: Node refuses an HTTP/1.1 request without one before it reaches the handler
    expect([400, 403]).toContain((await get('/index.html', undefined)).status);
  });

  it('sends a strict policy on every response: no inline or eval script, no plugins, no framing', async () => {
    const { csp } = await get('/index.html', `127.0.0.1:${served.port}`);
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const d = directives(csp!);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect((await get('/missing.js', `127.0.0.1:${served.port}`)).csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the built index.html keeps the same policy in a meta tag (less frame-ancestors, which meta cannot set)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta).not.toBe(null);
    const want = directives(CONTENT_SECURITY_POLICY);
    want.delete('frame-ancestors');
    expect(directives(meta![1]!)).toEqual(want);
  });

  it('the built app runs under the policy: the UI, a clip made (render worker, AAC encoder wasm) and analysed, no violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (Content Security Policy): ${e.violatedDirective} ${e.blockedURI}`)));
    try {
      await page.goto(`http://127.0.0.1:${served.port}/index.html`);
      await page.waitForFunction(() => customElements.get('mr-app') !== undefined, null, { timeout: 60_000 });
      await page.goto(`http://127.0.0.1:${served.port}/headless.html`);
      await page.waitForFunction(() => document.title.includes('ready'), null, { timeout: 60_000 });
      const made = await page.evaluate(async () => {
        const api = (window as unknown as { motionRegistries: Record<string, (...a: unknown[]) => Promise<unknown>> }).motionRegistries;
        const clip = (await api.createMake!({ prompt: 'a red sky with a soft hum', seed: 'csp', duration_s: 1, width: 160, height: 120 })) as { id: string; bytes: number };
        return clip.bytes;
      });
      expect(made).toBeGreaterThan(1000);
      const base64 = readFileSync(join(root, 'tests/fixtures/real-media/base-small.mp4')).toString('base64');
      const report = await page.evaluate(async (b) => {
        const api = (window as unknown as { motionRegistries: Record<string, (...a: unknown[]) => Promise<unknown>> }).motionRegistries;
        return (await api.analyzeBase64!(b, 'base-small.mp4')) as { frames?: unknown[]; error?: unknown };
      }, base64);
      expect(report.error).toBe(undefined);
      expect(report.frames?.length).toBe(25);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});

describe('motion-registries analyze', () => {
  const media = (name: string) => join(root, 'tests/fixtures', name);

  it('--jsonl gives one report per line, even for one file; a bad file is reported and the batch moves on', async () => {
    const one = await cli('analyze', '--quiet', '--jsonl', media('real-media/base-small.mp4'));
    expect(one.code, one.stderr).toBe(0);
    const lines = one.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as { frames: unknown[] }).frames).toHaveLength(25);
    const batch = await cli('analyze', '--quiet', '--jsonl', media('media/not-media.mp4'), media('real-media/base-small.mp4'));
    expect(batch.code).toBe(1);
    const reports = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { error?: { code: string }; frames?: unknown[] });
    expect(reports.map((r) => r.error?.code ?? null)).toEqual(['not_media', null]);
    expect(reports[1]!.frames).toHaveLength(25);
    expect((await cli('analyze', '--jsonl', '--out', work, media('real-media/base-small.mp4'))).code).toBe(2);
  }, 300_000);
});
