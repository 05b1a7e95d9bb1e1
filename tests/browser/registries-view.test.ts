// The Registries view at scale, in Chromium over the real IndexedDB: 10,000 discoveries in every value registry
// (written in bulk), a page renders with a depth bar on every colour, and search, sort, filter and paging return
// exactly the rows the generator says they should; axe finds nothing serious or moderate; nothing overflows 390 px.
// Timing is in scripts/bench/registry.mjs, not here.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import { VALUE_REGISTRIES, type RegistryEntry, type ValueRegistry } from '../../src/core/registry/entry.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { registryCanonicals } from '../../src/core/registry/canonical-labels.ts';
import { originPrimitives } from '../../src/core/registry/origin-primitives.ts';
import '../../src/ui/registries-view.ts';
import type { RegistriesView } from '../../src/ui/registries-view.ts';
import { axeViolations, overflowing } from './helpers/axe.ts';
import { bulkSeed, syntheticEntry } from './helpers/bulk-registry.ts';
import { deleteDb, mountInMain, until as untilFor, type MainBox } from './helpers/page.ts';

const until = <T>(get: () => T | null | undefined | false) => untilFor(get, 30_000);

const N = 10_000;
const NAME = `registries-view-${Date.now()}`;
let session: AppSession;
let view: RegistriesView;
let box: MainBox;

/** Every entry of a registry as the store holds it: its primitives and the N synthetic discoveries. */
function truth(registry: ValueRegistry): RegistryEntry[] {
  const canonicals = registryCanonicals(registry);
  return [...originPrimitives().filter((p) => p.registry === registry), ...Array.from({ length: N }, (_, i) => syntheticEntry(registry, i, canonicals))];
}
const PRIMITIVE_INDEX = new Map(originPrimitives().map((p, i) => [p.key, i]));
/** The order the view promises: by the key, ties by vocabulary order then name; descending is the exact reverse. */
function sorted(list: RegistryEntry[], by: (e: RegistryEntry) => string | number, descending = false): RegistryEntry[] {
  const dir = descending ? -1 : 1;
  const prim = (e: RegistryEntry) => PRIMITIVE_INDEX.get(e.key) ?? Infinity;
  return [...list].sort((a, b) => {
    const x = by(a);
    const y = by(b);
    return dir * (x < y ? -1 : x > y ? 1 : prim(a) - prim(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
}

const root = () => {
  if (!view.shadowRoot) throw new Error('no shadow root');
  return view.shadowRoot;
};
const table = () => root().querySelector('registry-table')?.shadowRoot ?? null;
const names = () => [...(table()?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.children[1]?.textContent?.trim() ?? '');
const range = () => root().querySelector('#range')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const control = <E extends HTMLElement>(sel: string) => {
  const e = root().querySelector<E>(sel);
  if (!e) throw new Error(`no ${sel}`);
  return e;
};
function choose(name: string, value: string) {
  const s = control<HTMLSelectElement>(`select[name=${name}]`);
  s.value = value;
  s.dispatchEvent(new Event('change'));
}
/** Wait until the page shows `first` as its first row and the range text matches. */
async function shows(first: string, rangeText: RegExp) {
  await until(() => names()[0] === first && rangeText.test(range()));
}

before(async function () {
  // Seeding 13 × 10,000 entries takes 60–90 s on the shared cores under load; the default 180 s is too tight.
  this.timeout(600_000);
  document.documentElement.lang = 'en';
  document.title = 'Registries view test';
  const db = await openRegistries(NAME);
  await bulkSeed(db, VALUE_REGISTRIES, N, registryCanonicals);
  db.close();
  session = await AppSession.open(NAME);
  view = document.createElement('registries-view');
  view.session = session;
  box = mountInMain(view);
});

after(async () => {
  // Unset when the seeding failed: nothing to take down but the database.
  (box as MainBox | undefined)?.remove();
  (session as AppSession | undefined)?.close();
  await deleteDb(NAME);
});

describe('<registries-view> with 10,000 entries per registry', () => {
  it('renders the first page of colours, every colour with a depth bar and the bars\' legend', async () => {
    const all = truth('static.colors');
    const expected = sorted(all, (e) => e.first_seen).slice(0, 50).map((e) => e.name);
    await shows(expected[0]!, /^1–50 of 10,016 matching \(page 1 of 201; 10,016 in this registry\)$/);
    expect(names()).to.deep.equal(expected);
    const rows = [...table()!.querySelectorAll('tbody tr')];
    // Half the synthetic colours were stored without depth: the page computes it from the colour.
    for (const tr of rows) {
      const bar = tr.querySelector('depth-bar');
      expect(bar, tr.textContent ?? '').to.not.equal(null);
      expect(bar!.getAttribute('aria-label')).to.match(/^\w+ [\d.]+ %/);
    }
    const legend = [...table()!.querySelectorAll('.legend li')].map((li) => li.textContent?.trim());
    expect(legend).to.include.members(['black', 'white', 'gray', 'red']);
    const option = [...control<HTMLSelectElement>('select[name=registry]').options].find((o) => o.value === 'static.colors');
    expect(option?.textContent).to.contain('10,000 discovered');
  });

  it('searches names, sorts, filters and pages to exactly the expected rows', async () => {
    const all = truth('static.colors');
    // search "amber": every 11th synthetic name
    const search = control<HTMLInputElement>('input[name=search]');
    search.value = 'Amber';
    search.dispatchEvent(new Event('input'));
    const amber = sorted(all.filter((e) => e.name.includes('amber')), (e) => e.first_seen);
    expect(amber.length).to.equal(910);
    await shows(amber[0]!.name, /^1–50 of 910 matching/);
    expect(names()).to.deep.equal(amber.slice(0, 50).map((e) => e.name));

    // sort by times seen, most first (the [registry+count+name] index)
    choose('sort', 'count');
    choose('order', 'desc');
    const byCount = sorted(amber, (e) => e.count, true);
    await shows(byCount[0]!.name, /^1–50 of 910 matching/);
    expect(names()).to.deep.equal(byCount.slice(0, 50).map((e) => e.name));
    const counts = [...table()!.querySelectorAll('tbody tr td.num:nth-of-type(7)')].map((td) => Number(td.textContent));
    expect(counts[0]).to.equal(byCount[0]!.count);

    // filter: filed under teal, discoveries only; then page 2
    choose('canonical', 'teal');
    choose('origin', 'discovery');
    const teal = byCount.filter((e) => e.canonical === 'teal' && e.origin === 'discovery');
    expect(teal.length).to.be.greaterThan(50);
    await shows(teal[0]!.name, new RegExp(`^1–50 of ${teal.length} matching`));
    expect(names()).to.deep.equal(teal.slice(0, 50).map((e) => e.name));
    control<HTMLButtonElement>('button[name=next]').click();
    await shows(teal[50]!.name, new RegExp(`^51–${Math.min(100, teal.length)} of ${teal.length} matching \\(page 2 of`));
    expect(names()).to.deep.equal(teal.slice(50, 100).map((e) => e.name));

    // name order, descending, through the name index; primitives only
    search.value = '';
    search.dispatchEvent(new Event('input'));
    choose('canonical', '');
    choose('origin', 'primitive');
    choose('sort', 'name');
    const prims = sorted(all.filter((e) => e.origin === 'primitive'), (e) => e.name, true);
    await shows(prims[0]!.name, /^1–16 of 16 matching/);
    expect(names()).to.deep.equal(prims.map((e) => e.name));

    // a hex search on colours
    choose('origin', '');
    choose('order', 'asc');
    search.value = '#25';
    search.dispatchEvent(new Event('input'));
    const hex = sorted(all.filter((e) => (e.value as { hex: string }).hex.startsWith('#25')), (e) => e.name);
    expect(hex.length).to.be.greaterThan(0);
    await shows(hex[0]!.name, new RegExp(`^1–${Math.min(50, hex.length)} of ${hex.length} matching`));
    expect(names()).to.deep.equal(hex.slice(0, 50).map((e) => e.name));
  });

  it('keeps its query when the tab is left and shown again (a new element, the same session)', async () => {
    const all = truth('static.colors');
    const search = control<HTMLInputElement>('input[name=search]');
    search.value = 'Amber';
    search.dispatchEvent(new Event('input'));
    choose('origin', '');
    choose('canonical', '');
    choose('sort', 'count');
    choose('order', 'desc');
    const byCount = sorted(all.filter((e) => e.name.includes('amber')), (e) => e.count, true);
    await shows(byCount[0]!.name, /^1–50 of 910 matching/);
    control<HTMLButtonElement>('button[name=next]').click();
    await shows(byCount[50]!.name, /^51–100 of 910 matching/);
    // switching tabs destroys the element; the next one reads the query from the session
    view.remove();
    view = document.createElement('registries-view');
    view.session = session;
    box.main.append(view);
    await shows(byCount[50]!.name, /^51–100 of 910 matching/);
    expect(names()).to.deep.equal(byCount.slice(50, 100).map((e) => e.name));
    expect(control<HTMLInputElement>('input[name=search]').value).to.equal('Amber');
    expect(control<HTMLSelectElement>('select[name=sort]').value).to.equal('count');
  });

  it('pages every registry through the session, by name and by count', async () => {
    for (const registry of VALUE_REGISTRIES) {
      const all = truth(registry);
      const byName = await session.registryPage({ registry, sort: 'name', offset: 100, limit: 25 });
      expect(byName.plan).to.equal('index-page');
      expect(byName.matched, registry).to.equal(all.length);
      expect(byName.rows.map((e) => e.name), registry).to.deep.equal(sorted(all, (e) => e.name).slice(100, 125).map((e) => e.name));
      const byLast = await session.registryPage({ registry, sort: 'last_seen', descending: true, limit: 10 });
      expect(byLast.plan).to.equal('index-page');
      const filtered = await session.registryPage({ registry, sort: 'count', descending: true, search: 'amber', offset: 20, limit: 10 });
      expect(filtered.plan).to.equal('index-keys');
      expect(filtered.rows.map((e) => e.name), registry).to.deep.equal(sorted(all.filter((e) => e.name.includes('amber')), (e) => e.count, true).slice(20, 30).map((e) => e.name));
      expect(byLast.rows.map((e) => e.name), registry).to.deep.equal(sorted(all, (e) => e.last_seen, true).slice(0, 10).map((e) => e.name));
      const totals = await session.registryTotals();
      expect(totals[registry].discoveries, registry).to.equal(N);
    }
    let bad: unknown = null;
    await session.registryPage({ registry: 'static.colors', limit: 0 }).catch((e: unknown) => (bad = e));
    expect(String(bad)).to.match(/TypeError: limit must be an integer/);
  });

  it('has no serious or moderate axe violations and no sideways overflow at 390 px', async () => {
    const search = control<HTMLInputElement>('input[name=search]');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    choose('registry', 'dynamic.blends');
    await until(() => names().length === 50 && /of 10,000 matching .* 10,000 in this registry/.test(range()));
    expect(await axeViolations(box.main)).to.deep.equal([]);
    await setViewport({ width: 390, height: 844 });
    try {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      expect(document.documentElement.scrollWidth, overflowing(390).slice(0, 5).join('; ')).to.be.at.most(390);
      expect(await axeViolations(box.main)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
