// The Interpret view (<interpret-view>) in Chromium over a real AppSession and IndexedDB (#14.3, #14.4): each word's
// meaning shown in words; a word taught through the form changes the next interpretation; a conflict with an origin
// word is shown and the origin meaning kept; a recorded prompt and the taught word are in the export and the taught
// word works after import into another store. axe-clean (no serious or moderate violation) and no overflow at 390 px.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import '../../src/ui/create-view.ts';
import '../../src/ui/interpret-view.ts';
import type { InterpretView } from '../../src/ui/interpret-view.ts';

const opened: AppSession[] = [];
const boxes: HTMLElement[] = [];
after(async () => {
  for (const b of boxes) b.remove();
});

async function until<T>(get: () => T | null | undefined | false, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${get.toString()}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function mount(): Promise<{ session: AppSession; view: InterpretView; root: ShadowRoot }> {
  const session = await AppSession.open(`interpret-view-${Date.now()}-${Math.random()}`);
  opened.push(session);
  const view = document.createElement('interpret-view');
  view.session = session;
  const box = document.createElement('main');
  box.append(view);
  document.body.append(box);
  boxes.push(box);
  await view.updateComplete;
  return { session, view, root: view.shadowRoot as ShadowRoot };
}

/** Type a prompt and press Interpret; resolves when the meanings list shows the prompt's first word. */
async function interpretIn(view: InterpretView, root: ShadowRoot, prompt: string, record = false): Promise<void> {
  const area = root.querySelector('textarea') as HTMLTextAreaElement;
  area.value = prompt;
  area.dispatchEvent(new Event('input'));
  // Interpret is enabled once the view has the new prompt (a draft left empty or too long keeps it disabled until then).
  await until(() => !(root.querySelector('button.primary') as HTMLButtonElement).disabled);
  const box = root.querySelector('#record') as HTMLInputElement;
  if (box.checked !== record) box.click();
  const before = root.querySelector('details pre')?.textContent ?? '';
  (root.querySelector('button.primary') as HTMLButtonElement).click();
  await until(() => {
    const error = root.querySelector('.error')?.textContent;
    if (error) throw new Error(`the view reports: ${error}`);
    const pre = root.querySelector('details pre')?.textContent ?? '';
    return pre !== before && pre.includes(JSON.stringify(prompt));
  });
  await view.updateComplete;
}

/** The instruction the view shows (null while an interpretation runs: the session clears it then). */
function instructionOf(root: ShadowRoot): { motion: { level: string | null }; palette: { primitives: string[] } } | null {
  return JSON.parse(root.querySelector('details pre')?.textContent ?? 'null');
}

function meaningRow(root: ShadowRoot, word: string): HTMLLIElement | undefined {
  return [...root.querySelectorAll('ul.meanings li')].find((li) => li.querySelector('.word')?.textContent === word) as HTMLLIElement | undefined;
}

async function teachVia(view: InterpretView, root: ShadowRoot, word: string, domain: string, value: string, span?: string): Promise<void> {
  const row = await until(() => meaningRow(root, word));
  (row.querySelector('button') as HTMLButtonElement).click();
  await view.updateComplete;
  const form = await until(() => root.querySelector('form'));
  if (span !== undefined) (form.querySelector('input[name=span]') as HTMLInputElement).value = span;
  const domainSelect = form.querySelector('select[name=domain]') as HTMLSelectElement;
  domainSelect.value = domain;
  domainSelect.dispatchEvent(new Event('change'));
  await view.updateComplete;
  const valueField = (root.querySelector('form [name=value]') as HTMLSelectElement | HTMLInputElement);
  valueField.value = value;
  (root.querySelector('form button[type=submit]') as HTMLButtonElement).click();
  await until(() => (root.querySelector('[role=status]')?.textContent ?? '').match(/aught|Saved/));
  await view.updateComplete;
}

describe('<interpret-view>', () => {
  it('shows each meaning in words; a taught word changes the next interpretation and survives export → import', async () => {
    const { session, view, root } = await mount();
    await interpretIn(view, root, 'so zindleqwop, pan left over the sea');
    // Meanings visible without hover: "pan left" and "sea" spelled out; the unknown word offered for teaching.
    expect(meaningRow(root, 'sea')?.textContent).to.match(/setting\s*→\s*sea/);
    expect(meaningRow(root, 'zindleqwop')?.textContent).to.contain('not understood');
    expect(instructionOf(root)?.motion.level).to.equal(null);

    await teachVia(view, root, 'zindleqwop', 'motion', 'fast');
    expect(root.querySelector('[role=status]')?.textContent).to.contain('zindleqwop');
    await until(() => instructionOf(root)?.motion.level === 'fast');
    expect(meaningRow(root, 'zindleqwop')?.textContent).to.match(/motion\s*→\s*fast/);

    // Recorded when asked: the prompt is in the interpretation registry with source user.
    await interpretIn(view, root, 'zindleqwop zoom in on a red barn', true);
    expect(root.querySelector('[role=status]')?.textContent).to.contain('Recorded');
    const text = await session.exportText();
    const file = JSON.parse(text) as { interpretation: { prompt: string; source: string }[]; linguistic: { span: string; domain: string; canonical: string; source: string }[] };
    expect(file.interpretation.some((i) => i.prompt === 'zindleqwop zoom in on a red barn' && i.source === 'user')).to.equal(true);
    expect(file.interpretation.some((i) => i.prompt === 'so zindleqwop, pan left over the sea')).to.equal(false);
    expect(file.linguistic.some((m) => m.span === 'zindleqwop' && m.domain === 'motion' && m.canonical === 'fast' && m.source === 'learned')).to.equal(true);

    // Another store knows nothing of it until the export is imported; then its view reads the word as taught.
    const other = await mount();
    await interpretIn(other.view, other.root, 'so zindleqwop, pan left over the sea');
    expect(instructionOf(other.root)?.motion.level).to.equal(null);
    await other.session.importText(text);
    await interpretIn(other.view, other.root, 'zindleqwop pan right');
    expect(instructionOf(other.root)?.motion.level).to.equal('fast');
  });

  it('shows a conflict with an origin word and keeps its meaning', async () => {
    const { view, root } = await mount();
    await interpretIn(view, root, 'a red door');
    await teachVia(view, root, 'red', 'color', 'blue');
    const note = await until(() => root.querySelector('.conflict'));
    expect(note.textContent).to.contain('keep their meaning');
    expect(note.textContent).to.contain('saved but not applied');
    expect(note.textContent).not.to.contain('origin');
    await until(() => instructionOf(root));
    expect(instructionOf(root)?.palette.primitives).to.deep.equal(['red']);
  });

  it('a meaning of another kind taught for a starting word ("sky" → colour blue) is saved, shown as not applied, and not used', async () => {
    const { session, view, root } = await mount();
    await interpretIn(view, root, 'a blorp sky with zoom in');
    const before = instructionOf(root) as unknown as { palette: { primitives: string[] }; narrative: { settings: string[] } };
    // A closed vocabulary opens on an empty, required "choose…": nothing is pre-picked for the person.
    const row = await until(() => meaningRow(root, 'sky'));
    (row.querySelector('button') as HTMLButtonElement).click();
    await view.updateComplete;
    const domainSelect = await until(() => root.querySelector('form select[name=domain]') as HTMLSelectElement | null);
    domainSelect.value = 'color';
    domainSelect.dispatchEvent(new Event('change'));
    await view.updateComplete;
    const valueSelect = root.querySelector('form select[name=value]') as HTMLSelectElement;
    expect(valueSelect.value).to.equal('');
    expect(valueSelect.selectedOptions[0]?.textContent?.trim()).to.equal('choose…');
    expect(valueSelect.required).to.equal(true);
    expect((root.querySelector('form') as HTMLFormElement).checkValidity()).to.equal(false);
    await teachVia(view, root, 'sky', 'color', 'blue');
    const note = await until(() => root.querySelector('.conflict'));
    expect(note.textContent?.replace(/\s+/g, ' ')).to.contain('“sky” is one of the app\'s own starting words and means sky (setting)');
    expect(note.textContent).not.to.match(/\ba origin\b/);
    expect(root.querySelector('[role=status]')?.textContent).to.contain('not applied');
    const after = await until(() => instructionOf(root) as unknown as typeof before | null);
    expect(after.palette.primitives).to.deep.equal(before.palette.primitives);
    expect(after.palette.primitives).not.to.include('blue');
    expect(after.narrative.settings).to.include('sky');
    // Stored all the same (the person's word is kept, visible as a conflict).
    expect((await session.learnedMappings()).some((m) => m.span === 'sky' && m.domain === 'color' && m.canonical === 'blue')).to.equal(true);
  });

  it('a taught phrase holding starting words ("red sky" → setting) is shown as not applied at Teach time and in later interpretations', async () => {
    const { session, view, root } = await mount();
    await interpretIn(view, root, 'a red sky over the sea');
    expect(instructionOf(root)?.palette.primitives).to.deep.equal(['red']);
    await teachVia(view, root, 'red', 'setting', 'red sky', 'red sky');
    expect(root.querySelector('[role=status]')?.textContent).to.contain('not applied');
    const note = await until(() => root.querySelector('.conflict'));
    const said = note.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(said).to.contain('“red sky” contains “red”, red (color) and “sky”, sky (setting)');
    expect(said).to.contain('saved but not applied');
    // The origin words keep their reading: red is still the colour, no "red sky" span.
    await until(() => instructionOf(root));
    expect(instructionOf(root)?.palette.primitives).to.deep.equal(['red']);
    expect(meaningRow(root, 'red sky')).to.equal(undefined);
    expect((await session.learnedMappings()).some((m) => m.span === 'red sky' && m.domain === 'setting')).to.equal(true);
    // A later prompt with the phrase shows the conflict beside its spans; one without it shows none.
    await interpretIn(view, root, 'red sky at night, pan left');
    const later = await until(() => root.querySelector('.spans + .conflict'));
    expect(later.textContent?.replace(/\s+/g, ' ')).to.contain('“red sky” contains “red”');
    expect(instructionOf(root)?.palette.primitives).to.deep.equal(['red']);
    await interpretIn(view, root, 'a red barn, pan left');
    expect(root.querySelector('.conflict')).to.equal(null);
  });

  it('an empty prompt cannot be interpreted; a long one is counted as Create counts it and refused before the click', async () => {
    const { session, view, root } = await mount();
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    const go = root.querySelector('button.primary') as HTMLButtonElement;
    const box = root.querySelector('#record') as HTMLInputElement;
    if (!box.checked) box.click();
    area.value = '   ';
    area.dispatchEvent(new Event('input'));
    await until(() => root.querySelector('#prompt-count')?.textContent === '0 / 10,000 characters');
    expect(go.disabled).to.equal(true);
    expect(root.querySelector('#prompt-count')?.textContent).to.equal('0 / 10,000 characters');
    const long = `${'blue sea '.repeat(1244)}\n`;
    area.value = long;
    area.dispatchEvent(new Event('input'));
    await until(() => root.querySelector('#prompt-count')?.textContent !== '0 / 10,000 characters');
    expect(go.disabled).to.equal(true);
    expect(root.querySelector('#prompt-count')?.textContent).to.equal('11,195 / 10,000 characters: 1,195 too many');
    expect(root.querySelector('#prompt-count')?.classList.contains('over')).to.equal(true);
    // Create counts the same text the same way.
    const create = document.createElement('create-view');
    create.session = session;
    document.body.append(create);
    await until(() => create.shadowRoot?.querySelector('textarea'));
    session.creation.setPrompt(long);
    await until(() => create.shadowRoot?.querySelector('#prompt-count')?.textContent !== '0 / 10,000 characters');
    expect(create.shadowRoot?.querySelector('#prompt-count')?.textContent).to.equal('11,195 / 10,000 characters: 1,195 too many');
    expect([...(create.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Make')?.disabled).to.equal(true);
    create.remove();
    // Nothing understood: no colour legend under an empty line, one plain sentence instead.
    await interpretIn(view, root, 'xqzt blorf');
    expect(root.querySelector('.legend')).to.equal(null);
    expect(root.querySelector('.error')).to.equal(null);
  });

  it('is axe-clean and does not overflow at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    const { view, root } = await mount();
    await interpretIn(view, root, 'proper gloomy forest at night, camera creepin left, zorblax vibes, a reeeally long wordwithoutanybreaksatallthatkeepsgoing');
    await teachVia(view, root, 'gloomy', 'mood', 'sad');
    (await until(() => meaningRow(root, 'zorblax'))).querySelector('button')?.click();
    await view.updateComplete;
    await until(() => root.querySelector('form'));
    if (!(window as unknown as { axe?: unknown }).axe) {
      await new Promise<void>((done, fail) => {
        const s = document.createElement('script');
        s.src = '/node_modules/axe-core/axe.min.js';
        s.onload = () => done();
        s.onerror = () => fail(new Error('axe-core did not load'));
        document.head.append(s);
      });
    }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { html: string; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(view, { resultTypes: ['violations'] });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'moderate' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(' | ')}`)).to.deep.equal([]);
    // Nothing wider than the phone: the page does not scroll sideways and every box fits.
    const wide = [...root.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > 390.5 && !el.closest('pre, details:not([open])'));
    expect(wide.map((el) => `${el.tagName}.${(el as HTMLElement).className} ${Math.round(el.getBoundingClientRect().right)}`)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });
});
