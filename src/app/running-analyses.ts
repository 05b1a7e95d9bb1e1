// The analyses in progress, noted in localStorage so that a reload (or a closed tab) that cuts one short is told to the
// person on the next visit: which file, how far it got. A File cannot be reopened by the page on its own (the browser
// gives access only to a file the person drops or picks), so the note is all that survives; the Analyze view says so.
// A note carries the visit that made it (a random id per RunningAnalyses: one per AppSession, so one per page load in
// the app) and its tab (sessionStorage's id). A note is called interrupted only when its visit is gone: every visit
// holds a Web Lock named for its id while it is open (the browser releases it when the page closes, reloads or
// crashes; close() releases it sooner), so a visit whose lock nobody holds is gone however long its analysis has been
// quiet. The tab id cannot decide this: Chrome copies sessionStorage into a duplicated tab and into a window.open tab
// that keeps its opener, so such a copy has the same tab id while the original still runs (claiming on the tab id took
// the original's note from under it: its progress() and end() then found nothing). Where Web Locks are missing, a
// heartbeat decides: a running visit rewrites its notes' `beat` every HEARTBEAT_MS, a note unbeaten for STALE_NOTE_MS
// is lost, and a note of this tab from another visit (a reload) is lost at once; there a duplicate looks like a reload.

/** An analysis that was running when its page went away. */
export interface InterruptedAnalysis {
  name: string;
  /** Size of the file in bytes. */
  size: number;
  /** Fraction 0–1 reached. */
  progress: number;
  /** When it started and when its progress last moved (ISO times). */
  startedAt: string;
  at: string;
}

interface RunningNote extends InterruptedAnalysis {
  tab: string;
  /** The visit that made it; notes written before visits had ids have only `tab`, whose lock their tab held. */
  visit?: string;
  id: number;
  /** When its tab last said it is alive (ms since 1970); older notes have only `at`. */
  beat?: number;
}

/** Without Web Locks: a note of another tab not beaten for this long is that tab's loss (closed or crashed). */
export const STALE_NOTE_MS = 120_000;
/**
 * How often a tab with a running analysis rewrites its notes' `beat`: well under STALE_NOTE_MS even when a hidden
 * tab's timers are throttled to one a minute.
 */
export const HEARTBEAT_MS = 20_000;
const TAB_KEY = 'mr_tab_id';
/**
 * The Web Lock a visit holds while it is open: this prefix and the visit's id (older versions named it for the tab id,
 * which their notes carry as `tab`, so one prefix tells both).
 */
export const TAB_LOCK_PREFIX = 'mr_tab:';

/** The part of the Web Locks API used here (navigator.locks). */
export type TabLocks = Pick<LockManager, 'request' | 'query'>;

function tabId(): string {
  try {
    const have = globalThis.sessionStorage?.getItem(TAB_KEY);
    if (have) return have;
    const id = crypto.randomUUID();
    globalThis.sessionStorage?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return 'no-session-storage';
  }
}

function read<T>(key: string): T[] {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as T[]) : [];
  } catch {
    return [];
  }
}

function write(key: string, list: readonly unknown[]): void {
  try {
    if (list.length === 0) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, JSON.stringify(list));
  } catch {
    // Private mode or a full quota: the analysis runs all the same, only the note after a reload is lost.
  }
}

/** The running and interrupted notes of one store of registries (one IndexedDB database). */
export class RunningAnalyses {
  private readonly tab = tabId();
  /** This visit's id: new for every instance, unlike the tab id a duplicated tab copies. */
  readonly visit: string = crypto.randomUUID();
  private readonly heartbeatMs: number;
  /** Ends this visit's lock (resolves the promise it is held by), or aborts its request not yet granted. */
  private dropLock: (() => void) | null = null;
  /**
   * Resolves true once this visit's lock is granted (false: none to hold). Until then another tab cannot see this visit
   * open; the app starts no analysis that soon, a test that opens a tab at once waits for it.
   */
  locked: Promise<boolean>;
  private readonly runningKey: string;
  private readonly interruptedKey: string;
  private readonly locks: TabLocks | null;
  /** The last whole percent written per analysis: a note is rewritten only when it moves. */
  private readonly written = new Map<number, number>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  /**
   * `locks`: the Web Locks to tell live visits by (default navigator.locks; null: the heartbeat alone); `heartbeatMs`:
   * how often running notes are beaten (HEARTBEAT_MS; shorter only in tests).
   */
  constructor(dbName: string, locks: TabLocks | null = globalThis.navigator?.locks ?? null, heartbeatMs = HEARTBEAT_MS) {
    this.runningKey = `analyses_running:${dbName}`;
    this.interruptedKey = `analyses_interrupted:${dbName}`;
    this.locks = locks;
    this.heartbeatMs = heartbeatMs;
    this.locked = this.holdLock();
    if (locks) {
      globalThis.addEventListener?.('pagehide', this.onPageHide);
      globalThis.addEventListener?.('pageshow', this.onPageShow);
    }
  }

  // A lock held by a page in the back/forward cache does not keep it out, but another page's query of the locks (every
  // visit's claimInterrupted) evicts it (Chromium 150: notRestoredReasons 'weblocks-contention'). An idle visit has no
  // note to guard, so it lets its lock go while cached and takes it again on its return; a visit with an analysis
  // running keeps it, or its note would be claimed while the page may yet come back.
  private readonly onPageHide = (e: PageTransitionEvent): void => {
    if (e.persisted && this.written.size === 0) {
      this.dropLock?.();
      this.dropLock = null;
    }
  };

  private readonly onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && !this.dropLock) this.locked = this.holdLock();
  };

  /** Hold this visit's lock (shared: nobody else asks for it exclusively) until close() or the page goes. */
  private holdLock(): Promise<boolean> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(false);
    const abort = new AbortController();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.dropLock = () => {
      abort.abort();
      release();
    };
    return new Promise<boolean>((granted) => {
      // rejects only when aborted before it was granted (close() at once) or where locks are refused (opaque origins)
      locks.request(TAB_LOCK_PREFIX + this.visit, { mode: 'shared', signal: abort.signal }, () => {
        granted(true);
        return held;
      }).catch(() => granted(false));
    });
  }

  /** This visit ends (the session closes): its lock goes, so its notes still running are another visit's to claim. */
  close(): void {
    this.dropLock?.();
    this.dropLock = null;
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    globalThis.removeEventListener?.('pageshow', this.onPageShow);
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /**
   * On opening: the notes of visits that are gone (this tab's before a reload, a closed or crashed tab's) become
   * interrupted analyses, kept until dismissed or the file is analysed again. Returns every interrupted analysis to show.
   */
  async claimInterrupted(now = Date.now()): Promise<InterruptedAnalysis[]> {
    const open = await this.openVisits();
    // read after the wait: another tab may have written meanwhile, and only what is read now is written back
    const running = read<RunningNote>(this.runningKey);
    const gone = (n: RunningNote) =>
      !this.mine(n) &&
      (open ? !open.has(n.visit ?? n.tab) : n.tab === this.tab || now - (n.beat ?? Date.parse(n.at)) > STALE_NOTE_MS);
    const lost = running.filter(gone);
    write(this.runningKey, running.filter((n) => !lost.includes(n)));
    const interrupted = [
      ...read<InterruptedAnalysis>(this.interruptedKey),
      ...lost.map(({ tab: _tab, visit: _visit, id: _id, beat: _beat, ...rest }) => rest),
    ];
    write(this.interruptedKey, interrupted);
    return interrupted;
  }

  /** The ids of the visits open now (their locks are held), or null when Web Locks cannot tell. */
  private async openVisits(): Promise<Set<string> | null> {
    if (!this.locks) return null;
    try {
      const { held = [] } = await this.locks.query();
      return new Set(held.flatMap((l) => (l.name?.startsWith(TAB_LOCK_PREFIX) ? [l.name.slice(TAB_LOCK_PREFIX.length)] : [])));
    } catch {
      return null;
    }
  }

  /** Rewrites the beat of this visit's notes while it has analyses running (see the file's comment). */
  private beat(): void {
    const beat = Date.now();
    write(this.runningKey, read<RunningNote>(this.runningKey).map((n) => (this.mine(n) && this.written.has(n.id) ? { ...n, beat } : n)));
  }

  /** Whether note `n` was written by this visit (a duplicated tab shares the tab id, not the visit). */
  private mine(n: RunningNote): boolean {
    return n.visit === this.visit;
  }

  /** Note analysis `id` of `file` as started (and a note of the same file interrupted before is settled by it). */
  start(id: number, name: string, size: number): InterruptedAnalysis[] {
    const now = new Date().toISOString();
    write(this.runningKey, [...read<RunningNote>(this.runningKey), { tab: this.tab, visit: this.visit, id, name, size, progress: 0, startedAt: now, at: now, beat: Date.now() }]);
    this.written.set(id, 0);
    this.heartbeat ??= setInterval(() => this.beat(), this.heartbeatMs);
    return this.dismiss(name);
  }

  /** Move the note of analysis `id` (written when the whole percent changes). */
  progress(id: number, fraction: number): void {
    const pct = Math.floor(fraction * 100);
    if (this.written.get(id) === pct) return;
    this.written.set(id, pct);
    const at = new Date().toISOString();
    write(this.runningKey, read<RunningNote>(this.runningKey).map((n) => (this.mine(n) && n.id === id ? { ...n, progress: fraction, at, beat: Date.parse(at) } : n)));
  }

  /** Analysis `id` ended (report, error or cancel): its note goes. */
  end(id: number): void {
    this.written.delete(id);
    if (this.written.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
    write(this.runningKey, read<RunningNote>(this.runningKey).filter((n) => !(this.mine(n) && n.id === id)));
  }

  /** Forget the interrupted analyses of file `name` (every one when no name is given); returns those left. */
  dismiss(name?: string): InterruptedAnalysis[] {
    const left = name === undefined ? [] : read<InterruptedAnalysis>(this.interruptedKey).filter((n) => n.name !== name);
    write(this.interruptedKey, left);
    return left;
  }
}
