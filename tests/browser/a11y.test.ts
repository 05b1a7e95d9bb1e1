// Accessibility and phones, on every view the app has (whatever its tabs are when this runs) and on the states named
// in #15.7 (Create, Analyze with a report, Registries with entries) and a few more (Interpret with a result, the Loop
// after a job): axe-core 4 in the page with 0 serious and 0
// moderate violations; no horizontal overflow at 390×844 (document.documentElement.scrollWidth ≤ innerWidth); a
// screenshot of each at 1280×800 and 390×844 in .test-results/screenshots/; `npm run screenshots` copies the ones
// whose pixels changed to docs/screenshots/ (linked from the README).
import { expect } from 'chai';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { fixture } from '../fixtures/truth-helpers.ts';
import { deep, deepAll, mountApp, pickFiles, showTab, until, type MountedApp } from './app-helpers.ts';
import { axeViolations } from './helpers/axe.ts';

const SIZES = [{ width: 1280, height: 800, tag: 'desktop' }, { width: 390, height: 844, tag: 'phone' }] as const;

/** Let layout, lazy parts and animation frames settle before measuring. */
async function settle(app: Element): Promise<void> {
  await (app as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((r) => setTimeout(r, 400));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/** Check one state at both sizes: axe, overflow at 390 px, screenshots. Returns the problems found. */
async function check(app: Element, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const size of SIZES) {
    await setViewport({ width: size.width, height: size.height });
    await settle(app);
    for (const v of await axeViolations(document)) problems.push(`${name} @${size.width}: ${v}`);
    const wide = document.documentElement.scrollWidth;
    if (wide > window.innerWidth) problems.push(`${name} @${size.width}: page ${wide} px wide in a ${window.innerWidth} px window`);
    await executeServerCommand('screenshot', { name: `${name}-${size.tag}` });
  }
  return problems;
}

/** The first element matching `sel` anywhere under `root`'s shadow tree (nested components included). */
function findDeep(root: Element, sel: string): Element | null {
  const inner = root.shadowRoot;
  if (!inner) return null;
  const hit = inner.querySelector(sel);
  if (hit) return hit;
  for (const el of inner.querySelectorAll('*')) {
    const found = findDeep(el, sel);
    if (found) return found;
  }
  return null;
}

let mounted: MountedApp | null = null;
before(() => {
  // The test page stands in for index.html: same language, title and body.
  document.documentElement.lang = 'en';
  document.title = 'Motion Registries';
  document.body.style.margin = '0';
});
afterEach(async () => {
  await mounted?.remove();
  mounted = null;
  await setViewport({ width: 1280, height: 800 });
});

describe('accessibility and phones', () => {
  it('every view: 0 serious and 0 moderate axe violations, nothing wider than a 390 px screen', async () => {
    mounted = await mountApp('home');
    const { app } = mounted;
    const views = deepAll(app, [], '[role=tab]').map((t) => t.id.replace(/^tab-/, ''));
    expect(views.length).to.be.greaterThan(5);
    const problems: string[] = [];
    for (const v of views) {
      await showTab(app, v);
      // Registries is checked with its table in place (the state #15.7 names).
      if (v === 'registries') await until(() => deep(app, 'registries-view', 'registry-table'), 30_000, 'the registry table');
      problems.push(...(await check(app, v)));
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('Analyze with a report, and Interpret with a result: the same bar', async () => {
    mounted = await mountApp('analyze');
    const { app } = mounted;
    pickFiles(await until(() => deep<HTMLInputElement>(app, 'analyze-view', 'input[type=file]')), [await fixture('narrative-peak-fade.mp4')]);
    await until(() => deep(app, 'analyze-view', 'report-view'), 120_000, 'the report');
    await until(() => deep(app, 'analyze-view', 'report-view', 'spectrogram-strip', 'canvas, p'), 30_000, 'the spectrogram');
    const problems = await check(app, 'analyze-report');
    await showTab(app, 'interpret');
    deepAll<HTMLButtonElement>(app, ['interpret-view'], 'button.primary')[0]?.click();
    await until(() => deep(app, 'interpret-view', 'pre, .instruction, [role=alert]'), 30_000, 'the interpretation');
    problems.push(...(await check(app, 'interpret-result')));
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('the Create view with a clip made from a typed prompt (when the app has it): the same bar', async function () {
    mounted = await mountApp('create');
    const { app } = mounted;
    if (!deep(app, '#tab-create')) this.skip();
    const view = await until(() => deep(app, 'create-view'), 10_000, 'the Create view');
    const box = await until(() => view.shadowRoot?.querySelector<HTMLTextAreaElement | HTMLInputElement>('textarea, input[type=text], input:not([type])'), 10_000, 'a prompt box');
    box.value = 'a slow pan left over a teal sea at dusk, calm rumble';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(app);
    const problems = await check(app, 'create');
    // Make the clip: the first primary button whose label starts with "Make" (or the first primary one).
    const buttons = [...(view.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    (buttons.find((b) => /^make/i.test(b.textContent?.trim() ?? '')) ?? buttons.find((b) => b.classList.contains('primary')))?.click();
    const video = await until(() => findDeep(view, 'video'), 180_000, 'the clip').catch(() => null);
    if (video) problems.push(...(await check(app, 'create-made')));
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('the Loop view after a job (its clip, the job listed with its picture): the same bar', async () => {
    mounted = await mountApp('loop');
    const { app } = mounted;
    const runs = await until(() => deep<HTMLInputElement>(app, 'loop-view', 'input[placeholder="∞"]'));
    runs.value = '1';
    runs.dispatchEvent(new Event('change'));
    await until(() => deepAll<HTMLButtonElement>(app, ['loop-view'], 'button.primary').find((b) => b.textContent?.trim() === 'Start' && !b.disabled), 5_000)
      .then((b) => b.click());
    await until(() => deep(app, 'loop-view', 'ol.jobs li img'), 150_000, 'the job and its picture');
    await until(() => deep(app, 'loop-view', '#status')?.textContent === 'done', 30_000, 'the loop to be done');
    const problems = await check(app, 'loop-ran');
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
