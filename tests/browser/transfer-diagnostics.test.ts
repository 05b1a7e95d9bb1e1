// The Export/Import view and the Diagnostics view in Chromium over the real IndexedDB: a malformed import (a file
// cut short, JSON of the wrong shape) says plainly what was wrong and that nothing changed, and the counts are
// indeed unchanged; the agreement chart has numbered axes and a legend; neither view has a serious or moderate axe
// violation or runs sideways at 390 px.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { LEARNING_FIELDS } from '../../src/core/registry/learning.ts';
import '../../src/ui/transfer-view.ts';
import '../../src/ui/diagnostics-view.ts';
import type { TransferView } from '../../src/ui/transfer-view.ts';
import type { DiagnosticsView } from '../../src/ui/diagnostics-view.ts';
import { axeViolations, overflowing } from './helpers/axe.ts';
import { deleteDb, mountInMain, until as untilFor, type MainBox } from './helpers/page.ts';

const until = <T>(get: () => T | null | undefined | false) => untilFor(get, 20_000);

const NAME = `transfer-diagnostics-${Date.now()}`;
const JOBS = 23;
let session: AppSession;
let box: MainBox;
/** A valid export: a fresh store's (its primitives). */
let validText = '';

/** Pick a file in the view's file input, as a person would. */
async function pick(view: TransferView, name: string, text: string) {
  await view.updateComplete;
  const input = view.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

before(async () => {
  document.documentElement.lang = 'en';
  document.title = 'Transfer and diagnostics test';
  const db = await openRegistries(NAME);
  // Jobs with a learning record each: agreement per field rising with the job number, so the chart has lines.
  for (let j = 0; j < JOBS; j++) {
    const id = `job-${String(j).padStart(2, '0')}`;
    const fields = Object.fromEntries(LEARNING_FIELDS.map((f, k) => [f, { intended: f, observed: f, agreement: ((j + k) % 10) / 10 }]));
    await recordJob(db, {
      job: { id, created_at: new Date(Date.UTC(2026, 0, 1, 0, j)).toISOString() },
      learning: { job_id: id, agreement: (j % 10) / 10, fields },
      sightings: [{ registry: 'static.colors', canonical: 'red', value: { rgb: [200, 10 + j * 3, 20], hex: '#c80a14' } }],
    });
  }
  db.close();
  session = await AppSession.open(NAME);
  const fresh = await AppSession.open(`${NAME}-fresh`);
  validText = await fresh.exportText();
  fresh.close();
  indexedDB.deleteDatabase(`${NAME}-fresh`);
  box = mountInMain();
});

after(async () => {
  box.remove();
  session.close();
  await deleteDb(NAME);
});

afterEach(() => box.clear());

describe('<transfer-view> import errors', () => {
  it('a truncated file: "not valid JSON (unexpected end at byte N …)", nothing changed, counts equal', async () => {
    const view = document.createElement('transfer-view');
    view.session = session;
    box.main.append(view);
    const before = await session.counts();
    const full = validText;
    const cut = full.slice(0, Math.floor(full.length / 2));
    await pick(view, 'cut.json', cut);
    const alert = await until(() => view.shadowRoot?.querySelector('[role=alert]'));
    const bytes = new TextEncoder().encode(cut).length;
    expect(alert.textContent?.trim()).to.equal(
      `Import failed: cut.json: the file is not valid JSON (unexpected end at byte ${bytes}, line ${cut.split('\n').length} column ${cut.length - cut.lastIndexOf('\n')}; the file looks cut short). Nothing was changed.`,
    );
    expect(await session.counts()).to.deep.equal(before);
  });

  it('a file with a stray character says which byte', async () => {
    const view = document.createElement('transfer-view');
    view.session = session;
    box.main.append(view);
    await pick(view, 'stray.json', '{"schema": "motion-registries/1",\n "x": ]}');
    const alert = await until(() => view.shadowRoot?.querySelector('[role=alert]'));
    expect(alert.textContent?.trim()).to.equal('Import failed: stray.json: the file is not valid JSON (unexpected character "]" at byte 40, line 2 column 7). Nothing was changed.');
  });

  it('JSON of the wrong shape: says it is not a motion-registries/1 export, lists the problems, nothing changed', async () => {
    const view = document.createElement('transfer-view');
    view.session = session;
    box.main.append(view);
    const before = await session.counts();
    const wrong = JSON.parse(validText) as Record<string, unknown>;
    wrong.exported_at = 'yesterday';
    delete wrong.runs;
    await pick(view, 'wrong.json', JSON.stringify(wrong));
    const alert = await until(() => view.shadowRoot?.querySelector('[role=alert]'));
    expect(alert.textContent?.trim()).to.match(/^Import failed: wrong\.json: the file is JSON but not a motion-registries\/1 export \(\d+ problems?, listed below\)\. Nothing was changed\.$/);
    const problems = [...(view.shadowRoot?.querySelectorAll('ul.problems li') ?? [])].map((li) => li.textContent?.trim() ?? '');
    expect(problems.some((p) => p.startsWith('/exported_at'))).to.equal(true);
    expect(problems.some((p) => /runs/.test(p))).to.equal(true);
    expect(await session.counts()).to.deep.equal(before);
    expect(await axeViolations(box.main)).to.deep.equal([]);
  });

  it('a valid file still imports (a fresh store\'s export: its primitives, all unchanged)', async () => {
    const view = document.createElement('transfer-view');
    view.session = session;
    box.main.append(view);
    await pick(view, 'same.json', validText);
    const status = await until(() => view.shadowRoot?.querySelector('[role=status], [role=alert]'));
    expect(status.textContent).to.match(/^Imported same\.json: 0 added, 0 merged, \d+ unchanged\.$/);
  });
});

describe('<diagnostics-view>', () => {
  it('numbers its axes, has a legend, one line per field, a field table that reflows; axe clean; fits 390 px', async () => {
    const view = document.createElement('diagnostics-view');
    view.session = session;
    box.main.append(view);
    const plot = await until(() => view.shadowRoot?.querySelector('agreement-plot')?.shadowRoot?.querySelector('svg') ? view.shadowRoot.querySelector('agreement-plot')!.shadowRoot! : null);
    expect(view.shadowRoot?.querySelector('#jobs')?.textContent).to.equal(String(JOBS));
    expect([...plot.querySelectorAll('text.ytick')].map((t) => t.textContent)).to.deep.equal(['0.00', '0.25', '0.50', '0.75', '1.00']);
    // 23 jobs: ticks at 1, 5, 10, 15, 20
    expect([...plot.querySelectorAll('text.xtick')].map((t) => t.textContent)).to.deep.equal(['1', '5', '10', '15', '20']);
    expect(plot.querySelectorAll('polyline').length).to.equal(LEARNING_FIELDS.length + 1);
    expect([...plot.querySelectorAll('.legend li')].map((li) => li.textContent?.trim())).to.deep.equal([...LEARNING_FIELDS, 'total (all fields)']);
    const rows = [...(view.shadowRoot?.querySelectorAll('#agreement tbody tr') ?? [])].map((tr) => tr.querySelector('th')?.textContent);
    expect(rows).to.deep.equal([...LEARNING_FIELDS, 'total']);
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

/** Keep the element types used (the views are mounted by tag). */
export type Views = TransferView | DiagnosticsView;
