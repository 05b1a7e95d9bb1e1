// The "interrupted analysis" note across real tabs in Chromium: a second page (window.open of
// tests/browser/pages/analysis-tab.html, its own tab id) notes an analysis as running; this page must not call it
// interrupted while that tab is open, however old its note (the bug: any note older than 120 s was claimed), and must
// once the tab is closed (its Web Lock released by the browser). A reload's new page claims its old page's note; a tab
// that copied another's sessionStorage (as a duplicated tab does) must not take that tab's running note while it is
// open (the bug: claimed at once, on the shared tab id), and tells it once that tab is closed. Without Web Locks the
// heartbeat decides. A page sent away and back comes back from the back/forward cache though another tab queried the
// locks meanwhile (an idle visit lets its lock go while cached), and a visit with an analysis running keeps its note.
import { expect } from 'chai';
import { RunningAnalyses, STALE_NOTE_MS, TAB_LOCK_PREFIX } from '../../src/app/running-analyses.ts';
import { until } from './helpers/page.ts';

type TabPage = Window & { tabId?: string; visitId?: string; claimed?: string[]; claim?: () => Promise<string[]>; copy?: TabPage | null };

const opened: Window[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

/**
 * Opens the other tab on store `db` noting `file` (`keep`: it keeps the tab id copied from this page, as a duplicated
 * tab does; `dup`: it then opens its own copy noting that file); resolves once its note is written.
 */
async function otherTab(db: string, file: string, { keep = false, dup = '' } = {}): Promise<{ tab: TabPage; id: string; tabId: string }> {
  const url = `/tests/browser/pages/analysis-tab.html?db=${encodeURIComponent(db)}&file=${encodeURIComponent(file)}${keep ? '&keep=1' : ''}${dup ? `&dup=${encodeURIComponent(dup)}` : ''}`;
  const tab = window.open(url, '_blank') as TabPage | null;
  if (!tab) throw new Error('the second tab was not opened (popup blocked?)');
  opened.push(tab);
  const tabId = await until(() => tab.tabId, 30_000, 'the other tab ready');
  return { tab, id: tab.visitId ?? '', tabId };
}

type Note = { name: string; progress: number; tab: string; visit?: string; beat?: number };
const notes = (db: string): Note[] => JSON.parse(localStorage.getItem(`analyses_running:${db}`) ?? '[]') as Note[];

async function lockHeld(id: string): Promise<boolean> {
  const { held = [] } = await navigator.locks.query();
  return held.some((l) => l.name === TAB_LOCK_PREFIX + id);
}

async function lockReleased(id: string): Promise<void> {
  // the browser releases a closed tab's lock on its own time
  for (let t0 = Date.now(); await lockHeld(id); ) {
    if (Date.now() - t0 > 30_000) throw new Error('the closed tab’s lock was not released in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens tests/browser/pages/bfcache-tab.xhtml on store `db` (`run`: with an analysis running) in a tab of its own
 * (noopener: a page with an opener is never cached), runs `whileAway` once it has gone to another page, sends it back,
 * and resolves with whether it returned from the back/forward cache and, if not, why.
 */
async function visitAwayAndBack(db: string, run: boolean, whileAway: () => Promise<void>): Promise<{ persisted: boolean; reasons: unknown }> {
  const ch = `bfcache-${Math.random()}`;
  const channel = new BroadcastChannel(ch);
  try {
    const back = new Promise<{ persisted: boolean; reasons: unknown }>((resolve, reject) => {
      channel.onmessage = (e: MessageEvent<'away' | { persisted: boolean; reasons: unknown }>) => {
        if (e.data !== 'away') resolve(e.data);
        else whileAway().then(() => channel.postMessage('back'), reject);
      };
    });
    window.open(`/tests/browser/pages/bfcache-tab.xhtml?ch=${encodeURIComponent(ch)}&db=${encodeURIComponent(db)}${run ? '&run=1' : ''}`, '_blank', 'noopener');
    return await Promise.race([back, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page did not come back in 30 s')), 30_000))]);
  } finally {
    channel.close();
  }
}

describe('running analyses across tabs', () => {
  it('another open tab keeps its running analysis however old its note; closing the tab makes it interrupted', async () => {
    const db = `running-tabs-${Date.now()}`;
    const { tab, id, tabId } = await otherTab(db, 'long-film.mp4');
    expect(tabId).to.be.a('string').and.not.equal(sessionStorage.getItem('mr_tab_id'));
    expect(await lockHeld(id)).to.equal(true);
    const here = new RunningAnalyses(db);
    // ten minutes on: the other tab's note has not moved for far longer than STALE_NOTE_MS, but its tab is open
    const later = Date.now() + 5 * STALE_NOTE_MS;
    expect(await here.claimInterrupted(later)).to.deep.equal([]);
    expect(await here.claimInterrupted(later)).to.deep.equal([]);
    tab.close();
    await lockReleased(id);
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

  it('a reload’s new page claims the note of the page it replaced, not a note of a visit still open', async () => {
    const db = `running-reload-${Date.now()}`;
    const here = new RunningAnalyses(db);
    expect(await here.locked).to.equal(true);
    here.start(7, 'mine.mp4', 1000);
    here.progress(7, 0.5);
    const { tab, id, tabId } = await otherTab(db, 'theirs.mp4');
    expect(tab.claimed).to.deep.equal([]);
    tab.location.reload();
    const reloaded = await until(() => (tab.visitId && tab.visitId !== id && tab.claimed ? tab : undefined), 30_000, 'the reloaded tab ready');
    // the same tab (its sessionStorage id kept) on a new page: its old page's note is the reload's loss, this page's is not
    expect(reloaded.tabId).to.equal(tabId);
    expect(reloaded.claimed).to.deep.equal(['theirs.mp4']);
    expect(notes(db).map((n) => [n.name, n.visit === here.visit])).to.have.deep.members([['mine.mp4', true], ['theirs.mp4', false]]);
    here.end(7);
    here.dismiss();
  });

  it('a duplicated tab (its sessionStorage copied) leaves the original’s running analysis alone until the original closes', async () => {
    const db = `running-duplicate-${Date.now()}`;
    const { tab: original, id, tabId } = await otherTab(db, 'original.mp4', { dup: 'copy.mp4' });
    const copy = await until(() => (original.copy?.tabId ? original.copy : undefined), 30_000, 'the copy ready');
    opened.push(copy);
    // the copy has the original's tab id but its own visit, and took nothing (the bug: ['original.mp4'] at once)
    expect(copy.tabId).to.equal(tabId);
    expect(copy.visitId).to.be.a('string').and.not.equal(id);
    expect(copy.claimed).to.deep.equal([]);
    expect(await copy.claim!()).to.deep.equal([]);
    expect(notes(db).map((n) => [n.name, n.progress])).to.have.deep.members([['original.mp4', 0.37], ['copy.mp4', 0.37]]);
    // the original closes with its analysis running: now the copy tells it, and keeps its own
    original.close();
    await lockReleased(id);
    expect(await copy.claim!()).to.deep.equal(['original.mp4']);
    expect(notes(db).map((n) => n.name)).to.deep.equal(['copy.mp4']);
    new RunningAnalyses(db).dismiss();
  });

  it('a visit’s own note moves and ends while another visit of the same tab claims; close() lets it be claimed', async () => {
    const db = `running-visits-${Date.now()}`;
    const here = new RunningAnalyses(db);
    here.start(7, 'mine.mp4', 1000);
    const next = new RunningAnalyses(db);
    expect(await next.claimInterrupted()).to.deep.equal([]);
    here.progress(7, 0.8);
    expect(notes(db).map((n) => [n.name, n.progress])).to.deep.equal([['mine.mp4', 0.8]]);
    here.close();
    await lockReleased(here.visit);
    expect((await next.claimInterrupted()).map((a) => [a.name, a.progress])).to.deep.equal([['mine.mp4', 0.8]]);
    next.dismiss();
    next.close();
  });

  it('an idle visit’s page comes back from the back/forward cache though another tab looked at the locks meanwhile', async () => {
    const db = `running-bfcache-${Date.now()}`;
    // another tab opening the app meanwhile: its claimInterrupted queries the locks (the bug: 'weblocks-contention' evicted the page)
    const back = await visitAwayAndBack(db, false, async () => {
      expect(await new RunningAnalyses(db).claimInterrupted()).to.deep.equal([]);
    });
    expect(back).to.deep.equal({ persisted: true, reasons: null });
  });

  it('a visit with an analysis running keeps its lock while its page is away: its note is not claimed', async () => {
    const db = `running-bfcache-run-${Date.now()}`;
    const look = new RunningAnalyses(db);
    await visitAwayAndBack(db, true, async () => {
      expect(notes(db).map((n) => n.name)).to.deep.equal(['in-flight.mp4']);
      expect(await look.claimInterrupted()).to.deep.equal([]);
    });
    look.dismiss();
  });

  it('without Web Locks, the heartbeat rewrites the running note’s beat and stops once the analysis ends', async () => {
    const db = `running-heartbeat-${Date.now()}`;
    const here = new RunningAnalyses(db, null, 30);
    here.start(3, 'beat.mp4', 1000);
    const first = notes(db)[0]?.beat ?? 0;
    const later = await until(() => ((notes(db)[0]?.beat ?? 0) > first ? notes(db)[0]?.beat : undefined), 10_000, 'the beat advanced');
    expect(later).to.be.greaterThan(first);
    here.end(3);
    expect(notes(db)).to.deep.equal([]);
    // once ended, no beat writes to the store: count writes of the running key over several intervals
    const key = `analyses_running:${db}`;
    let writes = 0;
    const { setItem, removeItem } = Storage.prototype;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) writes++;
      setItem.call(this, k, v);
    };
    Storage.prototype.removeItem = function (k: string) {
      if (k === key) writes++;
      removeItem.call(this, k);
    };
    try {
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.removeItem = removeItem;
    }
    expect(writes).to.equal(0);
  });
});
