// The Loop view's controls say the truth, with the real loop (real clips made and analysed in workers): "job N of
// M" while a job runs; a deliberate pause shows no "interrupted" banner, only a note ("Paused after 1 job"), and
// Start is off until the paused loop is resumed or stopped; Stop empties the step bars; each finished job is
// listed with its prompt, a picture of its clip and its agreement. A loop that was running when the page went
// away comes back paused with the "interrupted … Resume it" offer.
import { expect } from 'chai';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { writeMeta } from '../../src/storage/repo-meta.ts';
import { LOOP_STATE_KEY, type LoopState } from '../../src/loop/loop-runner.ts';
import { deep, deepAll, mountApp, until, type MountedApp } from './app-helpers.ts';

let mounted: MountedApp | null = null;
afterEach(async () => {
  await mounted?.remove();
  mounted = null;
  localStorage.clear();
});

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (app: Element, label: string) => {
  const b = deepAll<HTMLButtonElement>(app, ['loop-view'], 'button').find((x) => text(x) === label);
  if (!b) throw new Error(`no ${label} button`);
  return b;
};
const bars = (app: Element) => deepAll<HTMLProgressElement>(app, ['loop-view', 'step-progress'], 'progress').map((p) => p.value);
const status = (app: Element) => text(deep(app, 'loop-view', '#status'));

describe('loop controls', () => {
  it('job N of M, a pause without banner, Start off while paused, Stop empties the bars, the jobs listed', async () => {
    mounted = await mountApp('loop');
    const { app } = mounted;
    const runs = await until(() => deep<HTMLInputElement>(app, 'loop-view', 'input[placeholder="∞"]'));
    runs.value = '3';
    runs.dispatchEvent(new Event('change'));
    await until(() => !button(app, 'Start').disabled, 5_000);
    button(app, 'Start').click();
    await until(() => text(deep(app, 'loop-view', '#where')).startsWith('job 1 of 3'), 30_000, 'job 1 of 3');
    // The first job ends: the second is under way, and the first is listed with its prompt and agreement.
    await until(() => text(deep(app, 'loop-view', '#where')).startsWith('job 2 of 3'), 150_000, 'job 2 of 3');
    const item = await until(() => deep(app, 'loop-view', 'ol.jobs li'));
    expect(text(item)).to.match(/^Job 1 “.+” .* agreement \d\.\d\d · \d+ new, \d+ seen again$/);
    const img = await until(() => deep<HTMLImageElement>(app, 'loop-view', 'ol.jobs li img'), 20_000, 'the clip picture');
    await until(() => img.complete && img.naturalWidth > 0, 10_000, 'the picture to load');
    expect(img.naturalWidth).to.equal(96);
    expect(img.alt).to.equal('clip of job 1');
    await until(() => bars(app).some((v) => v > 0), 30_000, 'a bar of job 2 to move');

    button(app, 'Pause').click();
    await until(() => status(app) === 'paused', 30_000, 'paused');
    const view = deep(app, 'loop-view');
    expect(text(view?.shadowRoot?.querySelector('#paused-note'))).to.match(/^Paused after 1 job\./);
    expect(view?.shadowRoot?.textContent).not.to.match(/interrupted/i);
    expect(deepAll(app, ['loop-view'], '[role=alert]')).to.have.length(0);
    expect(deepAll<HTMLButtonElement>(app, ['loop-view'], 'button').filter((b) => /^Resume/.test(text(b)))).to.have.length(1);
    expect(button(app, 'Start').disabled).to.equal(true);
    expect(button(app, 'Resume').disabled).to.equal(false);
    await until(() => bars(app).every((v) => v === 0), 2_000, 'the paused job\'s bars to empty');

    button(app, 'Resume').click();
    await until(() => status(app) === 'running' && bars(app).some((v) => v > 0), 60_000, 'running again');
    expect(text(deep(app, 'loop-view', '#where'))).to.match(/^job 2 of 3/);
    button(app, 'Stop').click();
    await until(() => status(app) === 'stopped', 30_000, 'stopped');
    await until(() => bars(app).every((v) => v === 0), 2_000, 'the bars to empty on stop');
    expect(button(app, 'Start').disabled).to.equal(false);
    expect(text(deep(app, 'loop-view', '#where'))).to.equal('1 of 3 jobs done');
  });

  it('a loop that was running when the page went away is offered back, once', async () => {
    const name = `loop-interrupted-${Date.now()}`;
    const db = await openRegistries(name);
    const state: LoopState = {
      settings: { workflow: 'all', exploitRatio: 0.3, seed: 'motion', runs: 5 }, status: 'running', nextIndex: 1, completed: 1, failed: 0,
      message: null, updated_at: new Date().toISOString(),
    };
    await writeMeta(db, LOOP_STATE_KEY, state);
    db.close();
    {
      // The mounted app deletes its database when removed (afterEach).
      mounted = await mountApp('loop', name);
      const { app } = mounted;
      const notice = await until(() => deep(app, 'loop-view', '.notice'));
      expect(text(notice)).to.match(/^A loop was interrupted after 1 job \(/);
      expect(status(app)).to.equal('paused');
      expect(button(app, 'Start').disabled).to.equal(true);
      // Stopping it takes the offer away and frees Start.
      button(app, 'Stop').click();
      await until(() => status(app) === 'stopped', 10_000, 'stopped');
      expect(deep(app, 'loop-view', '.notice')).to.equal(null);
      expect(button(app, 'Start').disabled).to.equal(false);
    }
  });
});
