// The Sync section (<sync-view>) in Chromium with the real SyncController over the real IndexedDB:
// pending count after a local change with sync on, an unreachable API's error without losing the
// pending count, and sync off sending nothing (every fetch counted).
import { expect } from 'chai';
import { setViewport, sendKeys } from '@web/test-runner-commands';
import { openRegistries, recordSighting } from '../../src/storage/repo-entries.ts';
import { SyncController } from '../../src/sync/sync-controller.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';
import '../../src/ui/sync-view.ts';
import type { SyncView } from '../../src/ui/sync-view.ts';

// Nothing listens there: connections are refused at once.
const CLOSED = 'http://127.0.0.1:65531';
const green: Candidate = { registry: 'static.colors', canonical: 'green', value: { rgb: [30, 140, 60], hex: '#1e8c3c' } };

const realFetch = globalThis.fetch;
let fetches: string[] = [];
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  fetches.push(String(input instanceof Request ? input.url : input));
  return realFetch(input, init);
};

const cleanup: (() => Promise<void>)[] = [];
// Each test's loop is stopped before the next starts, so its requests are not counted there.
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});
after(() => {
  globalThis.fetch = realFetch;
});

async function mount(): Promise<{ db: RegistriesDb; controller: SyncController; view: SyncView }> {
  const db = await openRegistries(`sync-view-${Date.now()}-${Math.random()}`);
  // A short backoff so a failed round is reported in well under a second.
  const controller = new SyncController(db, { backoff: { baseMs: 50, maxMs: 200, attempts: 2 } });
  const view = document.createElement('sync-view');
  const box = document.createElement('div');
  box.append(view);
  document.body.append(box);
  view.controller = controller;
  cleanup.push(async () => {
    await controller.stop();
    box.remove();
    db.close();
    await new Promise((done) => {
      const req = indexedDB.deleteDatabase(db.name);
      req.onsuccess = req.onerror = req.onblocked = done;
    });
  });
  await until(() => view.shadowRoot?.querySelector('form') ?? null);
  return { db, controller, view };
}

async function until<T>(get: () => T | null | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${get.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const q = <E extends Element>(view: SyncView, sel: string) => {
  const e = view.shadowRoot?.querySelector<E>(sel);
  if (!e) throw new Error(`no ${sel}`);
  return e;
};
const field = (view: SyncView, name: string) => q(view, `[data-field=${name}]`).textContent?.trim() ?? '';

/** Fill the form as a user would and press Save. */
async function save(view: SyncView, url: string, token: string, on: boolean) {
  q<HTMLInputElement>(view, 'input[name=url]').value = url;
  q<HTMLInputElement>(view, 'input[name=token]').value = token;
  const box = q<HTMLInputElement>(view, 'input[name=enabled]');
  if (box.checked !== on) box.click();
  q<HTMLButtonElement>(view, 'button[type=submit]').click();
  await until(() => view.shadowRoot?.querySelector('[role=status], [role=alert]'));
}

describe('<sync-view> (Chromium, real IndexedDB)', () => {
  it('sync on: shows the pending count after a local change, and an unreachable API\'s error without losing it', async () => {
    const { db, view } = await mount();
    fetches = [];
    await save(view, CLOSED, 'dev-token', true);
    expect(q(view, '[role=status]').textContent).to.match(/sync is on/);
    // The loop's first round fails at once: the error is shown.
    await until(() => /cannot reach http:\/\/127\.0\.0\.1:65531/.test(field(view, 'last-error')));
    expect(fetches.length).to.be.greaterThan(0);
    expect(fetches.every((u) => u.startsWith(CLOSED + '/api/sync/'))).to.equal(true);

    const before = await db.outbox.count();
    await recordSighting(db, green, 'job-ui-1', '2026-04-01T08:00:00.000Z');
    const after = await db.outbox.count();
    expect(after).to.be.greaterThan(before);
    await until(() => field(view, 'pending') === String(after));

    // "Sync now" against the closed port: the error is shown, the outbox and the shown count stay.
    q<HTMLButtonElement>(view, 'button[type=button]').click();
    await until(() => view.shadowRoot?.querySelector('[role=alert]'));
    expect(q(view, '[role=alert]').textContent).to.match(/cannot reach http:\/\/127\.0\.0\.1:65531/);
    expect(await db.outbox.count()).to.equal(after);
    expect(field(view, 'pending')).to.equal(String(after));
    expect(field(view, 'last-sync')).to.equal('never');
  });

  it('sync off: a URL set and a local change, yet no request and an empty outbox', async () => {
    const { db, view } = await mount();
    fetches = [];
    await save(view, CLOSED, 'dev-token', false);
    expect(q(view, '[role=status]').textContent).to.match(/sync is off/);
    await recordSighting(db, green, 'job-ui-2', '2026-04-01T08:00:00.000Z');
    // Two refreshes of the shown status, long enough for a loop's first round had one started.
    await new Promise((r) => setTimeout(r, 2500));
    expect(fetches).to.deep.equal([]);
    expect(await db.outbox.count()).to.equal(0);
    expect(field(view, 'pending')).to.equal('0');
    expect(field(view, 'state')).to.equal('off');
    expect(q<HTMLButtonElement>(view, 'button[type=button]').disabled).to.equal(true);
  });

  it('refuses turning on without a token, changing nothing, and shows why', async () => {
    const { db, view } = await mount();
    await save(view, CLOSED, '', true);
    expect(q(view, '[role=alert]').textContent).to.match(/sync needs a token/);
    expect((await db.meta.get('sync_enabled'))?.value).to.not.equal(true);
  });

  it('every input has a label, is reached by Tab, and nothing overflows at 390 px', async () => {
    await setViewport({ width: 390, height: 800 });
    const { view } = await mount();
    const inputs = [...(view.shadowRoot?.querySelectorAll('input') ?? [])];
    expect(inputs).to.have.length(3);
    for (const i of inputs) expect(i.labels?.length ?? 0, i.name).to.equal(1);
    for (const i of inputs) expect(i.labels?.[0]?.textContent?.trim() ?? '', i.name).to.not.equal('');
    // Tab from the first field walks the form: URL → token → on/off → Save.
    q<HTMLInputElement>(view, 'input[name=url]').focus();
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      await sendKeys({ press: 'Tab' });
      const a = view.shadowRoot?.activeElement;
      seen.push(a instanceof HTMLInputElement ? a.name : a?.textContent?.trim() ?? '');
    }
    expect(seen).to.deep.equal(['token', 'enabled', 'Save']);
    const vw = document.documentElement.clientWidth;
    expect(vw).to.equal(390);
    expect(view.getBoundingClientRect().right).to.be.at.most(vw);
    for (const e of view.shadowRoot?.querySelectorAll('*') ?? []) expect(e.getBoundingClientRect().right, e.tagName).to.be.at.most(vw + 0.5);
    expect(document.documentElement.scrollWidth).to.be.at.most(vw);
  });
});
