// The app keeps what a person was doing: an analysis started on the Analyze tab goes on while another tab is shown,
// and its report is there on return (and after a reload, from the recent reports kept in IndexedDB); the Interpret
// prompt and result stay; the "record into the registries" choice stays. Tabs move with ←/→ and Home/End.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import { fixture } from '../fixtures/truth-helpers.ts';
import { deep, deepAll, deleteDb, mountApp, pickFiles, showTab, until, type MountedApp } from './app-helpers.ts';

let mounted: MountedApp | null = null;
afterEach(async () => {
  await mounted?.remove();
  mounted = null;
  localStorage.clear();
});

describe('app state survives navigation', () => {
  it('an analysis goes on while another tab is shown; its report stays, and comes back after a reload', async () => {
    mounted = await mountApp('analyze');
    const { app } = mounted;
    const file = await fixture('narrative-peak-fade.mp4');
    const select = await until(() => deep<HTMLSelectElement>(app, 'analyze-view', 'select'));
    select.value = 'window';
    select.dispatchEvent(new Event('change'));
    pickFiles(await until(() => deep<HTMLInputElement>(app, 'analyze-view', 'input[type=file]')), [file]);
    // Leave at once: the analysis has only just started.
    await showTab(app, 'loop');
    expect(deep(app, 'analyze-view')).to.equal(null);
    const session = (app as unknown as { session: AppSession }).session;
    expect(session.store.state.analyses).to.have.length(1);
    expect(session.store.state.analyses[0]?.done).to.equal(null);
    // It finishes with no Analyze view on the page.
    const done = await until(() => session.store.state.analyses[0]?.done, 120_000, 'the analysis to finish in the background');
    expect(done.recorded).to.be.a('number');
    expect(deep(app, 'analyze-view')).to.equal(null);
    await showTab(app, 'analyze');
    const report = await until(() => deep(app, 'analyze-view', 'report-view'));
    expect(report.shadowRoot?.textContent).to.contain('narrative-peak-fade.mp4');
    expect(deep<HTMLSelectElement>(app, 'analyze-view', 'select')?.value).to.equal('window');
    // A new session on the same store (a reload) finds the report among the recent ones kept.
    await until(() => session.store.state.analyses[0]?.savedId !== undefined, 10_000, 'the report to be kept');
    const again = await AppSession.open(mounted.db);
    try {
      const kept = again.store.state.analyses;
      expect(kept).to.have.length(1);
      expect(kept[0]?.name).to.equal('narrative-peak-fade.mp4');
      expect(kept[0]?.file?.size).to.equal(file.size);
      // Cleared means cleared: gone from the state and from the store.
      await again.clearAnalysis(kept[0]?.id);
      expect(again.store.state.analyses).to.have.length(0);
    } finally {
      again.close();
    }
    const third = await AppSession.open(mounted.db);
    expect(third.store.state.analyses).to.have.length(0);
    third.close();
    // The view's Remove button does the same in the app's own session.
    deep<HTMLButtonElement>(app, 'analyze-view', 'button.remove')?.click();
    await until(() => !deep(app, 'analyze-view', 'report-view'), 5_000, 'the report to be cleared');
    expect(session.store.state.analyses).to.have.length(0);
  });

  it('the Interpret prompt and its result stay when the tab is left', async () => {
    mounted = await mountApp('interpret');
    const { app } = mounted;
    const box = await until(() => deep<HTMLTextAreaElement>(app, 'interpret-view', 'textarea'));
    box.value = 'a fast zoom into a crimson flower, loud drums';
    box.dispatchEvent(new Event('input'));
    const button = deepAll<HTMLButtonElement>(app, ['interpret-view'], 'button').find((b) => b.textContent?.trim() === 'Interpret');
    button?.click();
    const out = await until(() => deep(app, 'interpret-view', 'pre') ?? deep(app, 'interpret-view', '[role=alert]'), 30_000);
    expect(out.tagName, out.textContent ?? '').to.equal('PRE');
    await showTab(app, 'registries');
    await showTab(app, 'interpret');
    const back = await until(() => deep<HTMLTextAreaElement>(app, 'interpret-view', 'textarea'));
    await until(() => back.value === 'a fast zoom into a crimson flower, loud drums', 5_000, 'the prompt to be back');
    const pre = await until(() => deep(app, 'interpret-view', 'pre'), 5_000, 'the instruction to be back');
    expect(pre.textContent).to.contain('crimson flower');
  });

  it('a view\'s simple inputs kept with setViewDraft come back in the next session (a reload)', async () => {
    const name = `drafts-${Date.now()}`;
    const one = await AppSession.open(name);
    one.setViewDraft('registries', { which: 'dynamic.camera', query: 'pan' });
    one.setViewDraft('registries', { query: 'zoom' });
    expect(one.viewDraft('registries')).to.deep.equal({ which: 'dynamic.camera', query: 'zoom' });
    one.close();
    const two = await AppSession.open(name);
    expect(two.viewDraft('registries')).to.deep.equal({ which: 'dynamic.camera', query: 'zoom' });
    expect(two.viewDraft('create')).to.deep.equal({});
    two.close();
    await deleteDb(name);
  });

  it('tabs move with the arrow keys and Home/End', async () => {
    mounted = await mountApp('loop');
    const { app } = mounted;
    const selected = () => deepAll(app, [], '[role=tab]').find((t) => t.getAttribute('aria-selected') === 'true')?.id;
    deep<HTMLButtonElement>(app, '#tab-loop')?.focus();
    await sendKeys({ press: 'End' });
    await until(() => selected() === deepAll(app, [], '[role=tab]').at(-1)?.id, 5_000, 'End to select the last tab');
    expect(app.shadowRoot?.activeElement?.id).to.equal(selected());
    await sendKeys({ press: 'Home' });
    await until(() => selected() === 'tab-home', 5_000, 'Home to select the first tab');
    expect(app.shadowRoot?.activeElement?.id).to.equal('tab-home');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => selected() === deepAll(app, [], '[role=tab]')[1]?.id, 5_000, 'ArrowRight to select the second tab');
  });

  it('a first visit opens on the welcome, whose links lead to the views', async () => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
    mounted = await mountApp('');
    const { app } = mounted;
    const welcome = await until(() => deep(app, 'welcome-view'));
    const links = deepAll<HTMLAnchorElement>(app, ['welcome-view'], 'a').map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#create', '#analyze', '#loop']);
    expect(welcome.shadowRoot?.textContent).to.match(/Exploit ratio/);
    deepAll<HTMLAnchorElement>(app, ['welcome-view'], 'a')[1]?.click();
    await until(() => deep(app, 'analyze-view'), 5_000, 'the Analyze view after its link');
  });
});
