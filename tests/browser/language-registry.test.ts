// The language registries in the Registries view (<registries-view> → <language-registry>), in Chromium over a real
// AppSession and IndexedDB: an empty store says how the registries fill; a word taught through the session is found
// again with its domain, variant, source and count, filtered by source and searched; removing it (after a confirmation
// in its row) goes through the session and changes the next interpretation; the app's own words offer no Remove; the
// prompts read are listed with their source. axe finds nothing serious or moderate; nothing overflows 390 px.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import '../../src/ui/registries-view.ts';
import type { RegistriesView } from '../../src/ui/registries-view.ts';
import { axeViolations, overflowing } from './helpers/axe.ts';
import { deleteDb, mountInMain, until as untilFor, type MainBox } from './helpers/page.ts';

const until = <T>(get: () => T | null | undefined | false) => untilFor(get, 30_000);
const NAME = `language-registry-${Date.now()}`;
let session: AppSession;
let view: RegistriesView;
let box: MainBox;

const lang = () => view.shadowRoot?.querySelector('language-registry')?.shadowRoot ?? null;
const rows = () => [...(lang()?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
const text = () => lang()?.textContent?.replace(/\s+/g, ' ') ?? '';
function choose(root: ShadowRoot | null | undefined, name: string, value: string) {
  const s = root?.querySelector<HTMLSelectElement>(`select[name=${name}]`);
  if (!s) throw new Error(`no select ${name}`);
  s.value = value;
  s.dispatchEvent(new Event('change'));
}

before(async () => {
  session = await AppSession.open(NAME);
  view = document.createElement('registries-view');
  view.session = session;
  box = mountInMain(view);
  await view.updateComplete;
});
after(async () => {
  box.remove();
  session.close();
  await deleteDb(NAME);
});

describe('<registries-view>: the language registries', () => {
  it('says how an empty linguistic or interpretation registry fills', async () => {
    choose(view.shadowRoot, 'registry', 'linguistic');
    await until(() => text().includes('No words recorded yet'));
    expect(text()).to.contain('Teach a word in Interpret');
    choose(view.shadowRoot, 'registry', 'interpretation');
    await until(() => text().includes('No prompts read yet'));
  });

  it('finds a taught word again with its meaning, source and count; removing it changes the next interpretation', async () => {
    await session.interpretAndRecord('zindleqwop, a red door, pan left');
    await session.teach('zindleqwop', 'motion', 'fast');
    expect((await session.interpret('zindleqwop, pan left')).motion.level).to.equal('fast');

    choose(view.shadowRoot, 'registry', 'interpretation');
    await until(() => rows().length === 1);
    const [prompt, readAs, source] = rows()[0] ?? [];
    expect([prompt, source]).to.deep.equal(['zindleqwop, a red door, pan left', 'user']);
    expect(readAs).to.match(/^camera pan left · red\b/);

    choose(view.shadowRoot, 'registry', 'linguistic');
    await until(() => rows().some((r) => r[0] === 'zindleqwop'));
    // Origin words are listed but cannot be removed.
    const red = rows().find((r) => r[0] === 'red');
    expect(red?.slice(0, 6)).to.deep.equal(['red', 'color → red', 'standard', '—', 'origin', '1']);
    expect(red?.[6]).to.equal('');
    choose(lang(), 'source', 'learned');
    await until(() => rows().length === 1);
    expect(rows()[0]?.slice(0, 6)).to.deep.equal(['zindleqwop', 'motion → fast', 'synonym', '—', 'learned', '1']);
    // Search is by span.
    const search = lang()?.querySelector<HTMLInputElement>('input[name=search]');
    if (!search) throw new Error('no search');
    search.value = 'nothing-like-it';
    search.dispatchEvent(new Event('input'));
    await until(() => text().includes('No word matches'));
    search.value = 'ZINDLE';
    search.dispatchEvent(new Event('input'));
    await until(() => rows().length === 1);

    // Remove asks first; Keep changes nothing.
    const removeButton = () => lang()?.querySelector<HTMLButtonElement>('tbody button');
    removeButton()?.click();
    await until(() => text().includes('Remove “zindleqwop”?'));
    [...(lang()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Keep')?.click();
    await until(() => removeButton()?.textContent?.trim() === 'Remove');
    expect((await session.learnedMappings()).map((m) => m.span)).to.deep.equal(['zindleqwop']);
    removeButton()?.click();
    (await until(() => [...(lang()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Yes, remove'))).click();
    await until(() => text().includes('Removed “zindleqwop”'));
    await until(() => text().includes('No word matches') || text().includes('No learned words'));
    expect(await session.learnedMappings()).to.deep.equal([]);
    expect((await session.interpret('zindleqwop, pan left')).motion.level).to.equal(null);
  });

  it('is axe-clean and does not overflow at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    await session.teach('red sky', 'setting', 'red sky');
    const search = lang()?.querySelector<HTMLInputElement>('input[name=search]');
    if (search) search.value = '';
    search?.dispatchEvent(new Event('input'));
    choose(lang(), 'source', 'learned');
    await until(() => rows().some((r) => r[0] === 'red sky'));
    // A taught phrase the app's own words overrule is found again, and says it is not applied.
    expect(rows().find((r) => r[0] === 'red sky')?.[4]).to.equal("learned saved, not applied: the app's own words keep their meaning");
    expect(await axeViolations(view)).to.deep.equal([]);
    expect(overflowing(390)).to.deep.equal([]);
  });
});
