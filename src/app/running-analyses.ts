// The analyses in progress, noted in localStorage so that a reload (or a closed tab) that cuts one short is told to the
// person on the next visit: which file, how far it got. A File cannot be reopened by the page on its own (the browser
// gives access only to a file the person drops or picks), so the note is all that survives; the Analyze view says so.
// A note carries the tab that made it (sessionStorage keeps a tab's id across its reloads). Another tab's note is
// called interrupted only when that tab is gone: every tab holds a Web Lock named for its id as long as it is open (the
// browser releases it when the tab closes, reloads or crashes), so a tab whose lock nobody holds is gone however long
// its analysis has been quiet. Where Web Locks are missing, a heartbeat decides: a running tab rewrites its notes'
// `beat` every HEARTBEAT_MS, and a note unbeaten for STALE_NOTE_MS is its tab's loss.

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
/** The Web Lock a tab holds (shared, so every session of the tab may ask for it) while it is open. */
export const TAB_LOCK_PREFIX = 'mr_tab:';
/** The tabs whose lock this page has asked for (once each: the lock lasts as long as the page). */
const heldTabs = new Set<string>();

/** The part of the Web Locks API used here (navigator.locks). */
export type TabLocks = Pick<LockManager, 'request' | 'query'>;

function holdTabLock(locks: TabLocks | null, tab: string): void {
  if (!locks || heldTabs.has(tab)) return;
  heldTabs.add(tab);
  // never released by the page itself: the browser releases it when the page goes away
  locks.request(TAB_LOCK_PREFIX + tab, { mode: 'shared' }, () => new Promise<never>(() => undefined)).catch(() => heldTabs.delete(tab));
}

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
  private readonly runningKey: string;
  private readonly interruptedKey: string;
  private readonly locks: TabLocks | null;
  /** The last whole percent written per analysis: a note is rewritten only when it moves. */
  private readonly written = new Map<number, number>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  /** `locks`: the Web Locks to tell live tabs by (default navigator.locks; null: the heartbeat alone). */
  constructor(dbName: string, locks: TabLocks | null = globalThis.navigator?.locks ?? null) {
    this.runningKey = `analyses_running:${dbName}`;
    this.interruptedKey = `analyses_interrupted:${dbName}`;
    this.locks = locks;
    holdTabLock(locks, this.tab);
  }

  /**
   * On opening: the notes this tab left (a reload) and those of tabs that are gone become interrupted analyses, kept
   * until dismissed or the file is analysed again. Returns every interrupted analysis to show.
   */
  async claimInterrupted(now = Date.now()): Promise<InterruptedAnalysis[]> {
    const open = await this.openTabs();
    // read after the wait: another tab may have written meanwhile, and only what is read now is written back
    const running = read<RunningNote>(this.runningKey);
    const gone = (n: RunningNote) => (open ? !open.has(n.tab) : now - (n.beat ?? Date.parse(n.at)) > STALE_NOTE_MS);
    const lost = running.filter((n) => n.tab === this.tab || gone(n));
    write(this.runningKey, running.filter((n) => !lost.includes(n)));
    const interrupted = [...read<InterruptedAnalysis>(this.interruptedKey), ...lost.map(({ tab: _tab, id: _id, beat: _beat, ...rest }) => rest)];
    write(this.interruptedKey, interrupted);
    return interrupted;
  }

  /** The ids of the tabs open now (their locks are held), or null when Web Locks cannot tell. */
  private async openTabs(): Promise<Set<string> | null> {
    if (!this.locks) return null;
    try {
      const { held = [] } = await this.locks.query();
      return new Set(held.flatMap((l) => (l.name?.startsWith(TAB_LOCK_PREFIX) ? [l.name.slice(TAB_LOCK_PREFIX.length)] : [])));
    } catch {
      return null;
    }
  }

  /** Rewrites the beat of this tab's notes while it has analyses running (see the file's comment). */
  private beat(): void {
    const beat = Date.now();
    write(this.runningKey, read<RunningNote>(this.runningKey).map((n) => (n.tab === this.tab && this.written.has(n.id) ? { ...n, beat } : n)));
  }

  /** Note analysis `id` of `file` as started (and a note of the same file interrupted before is settled by it). */
  start(id: number, name: string, size: number): InterruptedAnalysis[] {
    const now = new Date().toISOString();
    write(this.runningKey, [...read<RunningNote>(this.runningKey), { tab: this.tab, id, name, size, progress: 0, startedAt: now, at: now, beat: Date.now() }]);
    this.written.set(id, 0);
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS);
    return this.dismiss(name);
  }

  /** Move the note of analysis `id` (written when the whole percent changes). */
  progress(id: number, fraction: number): void {
    const pct = Math.floor(fraction * 100);
    if (this.written.get(id) === pct) return;
    this.written.set(id, pct);
    const at = new Date().toISOString();
    write(this.runningKey, read<RunningNote>(this.runningKey).map((n) => (n.tab === this.tab && n.id === id ? { ...n, progress: fraction, at, beat: Date.parse(at) } : n)));
  }

  /** Analysis `id` ended (report, error or cancel): its note goes. */
  end(id: number): void {
    this.written.delete(id);
    if (this.written.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
    write(this.runningKey, read<RunningNote>(this.runningKey).filter((n) => !(n.tab === this.tab && n.id === id)));
  }

  /** Forget the interrupted analyses of file `name` (every one when no name is given); returns those left. */
  dismiss(name?: string): InterruptedAnalysis[] {
    const left = name === undefined ? [] : read<InterruptedAnalysis>(this.interruptedKey).filter((n) => n.name !== name);
    write(this.interruptedKey, left);
    return left;
  }
}
