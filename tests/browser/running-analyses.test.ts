// The "interrupted analysis" note across two real tabs in Chromium: a second page (window.open of
// tests/browser/pages/analysis-tab.html, its own tab id) notes an analysis as running; this page must not call it
// interrupted while that tab is open, however old its note (the bug: any note older than 120 s was claimed), and must
// once the tab is closed (its Web Lock released by the browser). Without Web Locks the heartbeat decides.
import { expect } from 'chai';
import { RunningAnalyses, STALE_NOTE_MS, TAB_LOCK_PREFIX } from '../../src/app/running-analyses.ts';
import { until } from './helpers/page.ts';

const opened: Window[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

/** Opens the other tab on store `db`; resolves with it and its tab id once its note is written. */
async function otherTab(db: string, file: string): Promise<{ tab: Window; id: string }> {
  const tab = window.open(`/tests/browser/pages/analysis-tab.html?db=${encodeURIComponent(db)}&file=${encodeURIComponent(file)}`, '_blank');
  if (!tab) throw new Error('the second tab was not opened (popup blocked?)');
  opened.push(tab);
  const id = await until(() => (tab as Window & { tabId?: string }).tabId, 30_000, 'the other tab ready');
  return { tab, id };
}

async function lockHeld(id: string): Promise<boolean> {
  const { held = [] } = await navigator.locks.query();
  return held.some((l) => l.name === TAB_LOCK_PREFIX + id);
}

describe('running analyses across tabs', () => {
  it('another open tab keeps its running analysis however old its note; closing the tab makes it interrupted', async () => {
    const db = `running-tabs-${Date.now()}`;
    const { tab, id } = await otherTab(db, 'long-film.mp4');
    expect(id).to.be.a('string').and.not.equal(sessionStorage.getItem('mr_tab_id'));
    expect(await lockHeld(id)).to.equal(true);
    const here = new RunningAnalyses(db);
    // ten minutes on: the other tab's note has not moved for far longer than STALE_NOTE_MS, but its tab is open
    const later = Date.now() + 5 * STALE_NOTE_MS;
    expect(await here.claimInterrupted(later)).to.deep.equal([]);
    expect(await here.claimInterrupted(later)).to.deep.equal([]);
    tab.close();
    // the browser releases a closed tab's lock on its own time
    for (let t0 = Date.now(); await lockHeld(id); ) {
      if (Date.now() - t0 > 30_000) throw new Error('the closed tab’s lock was not released in 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const lost = await here.claimInterrupted();
    expect(lost.map((a) => [a.name, a.size, a.progress])).to.deep.equal([['long-film.mp4', 4_000_000, 0.37]]);
    // claimed once: the running note is gone, the interrupted one stays until dismissed
    expect((await new RunningAnalyses(db).claimInterrupted()).map((a) => a.name)).to.deep.equal(['long-film.mp4']);
    expect(here.dismiss()).to.deep.equal([]);
  });

  it('without Web Locks, an open tab is told by its heartbeat: fresh → running, unbeaten past STALE_NOTE_MS → interrupted', async () => {
    const db = `running-beat-${Date.now()}`;
    await otherTab(db, 'clip.mp4');
    const here = new RunningAnalyses(db, null);
    expect(await here.claimInterrupted(Date.now() + STALE_NOTE_MS / 2)).to.deep.equal([]);
    const lost = await here.claimInterrupted(Date.now() + 2 * STALE_NOTE_MS);
    expect(lost.map((a) => [a.name, a.progress])).to.deep.equal([['clip.mp4', 0.37]]);
    here.dismiss();
  });

  it('a note this tab left (a reload) is interrupted at once, another tab’s only when it is gone', async () => {
    const db = `running-reload-${Date.now()}`;
    const before = new RunningAnalyses(db);
    before.start(7, 'mine.mp4', 1000);
    before.progress(7, 0.5);
    await otherTab(db, 'theirs.mp4');
    // the same tab opened again (same sessionStorage id): its own note is the reload's loss, the other tab's is not
    const after = new RunningAnalyses(db);
    expect((await after.claimInterrupted()).map((a) => a.name)).to.deep.equal(['mine.mp4']);
    after.dismiss();
    before.end(7);
  });
});
