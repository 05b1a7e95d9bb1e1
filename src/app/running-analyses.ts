// The analyses in progress, noted in localStorage so that a reload (or a closed tab) that cuts one short is told to the
// person on the next visit: which file, how far it got. A File cannot be reopened by the page on its own (the browser
// gives access only to a file the person drops or picks), so the note is all that survives; the Analyze view says so.
// A note carries the tab that made it (sessionStorage keeps a tab's id across its reloads) and when it last moved, so
// a second tab opened while the first is still analysing does not call the first tab's work interrupted.

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
}

/** A note of another tab older than this is that tab's loss too (closed or crashed): progress moves far more often. */
export const STALE_NOTE_MS = 120_000;
const TAB_KEY = 'mr_tab_id';

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
  /** The last whole percent written per analysis: a note is rewritten only when it moves. */
  private readonly written = new Map<number, number>();

  constructor(dbName: string) {
    this.runningKey = `analyses_running:${dbName}`;
    this.interruptedKey = `analyses_interrupted:${dbName}`;
  }

  /**
   * On opening: the notes this tab left (a reload) and other tabs' stale ones become interrupted analyses, kept until
   * dismissed or the file is analysed again. Returns every interrupted analysis to show.
   */
  claimInterrupted(now = Date.now()): InterruptedAnalysis[] {
    const running = read<RunningNote>(this.runningKey);
    const lost = running.filter((n) => n.tab === this.tab || now - Date.parse(n.at) > STALE_NOTE_MS);
    write(this.runningKey, running.filter((n) => !lost.includes(n)));
    const interrupted = [...read<InterruptedAnalysis>(this.interruptedKey), ...lost.map(({ tab: _tab, id: _id, ...rest }) => rest)];
    write(this.interruptedKey, interrupted);
    return interrupted;
  }

  /** Note analysis `id` of `file` as started (and a note of the same file interrupted before is settled by it). */
  start(id: number, name: string, size: number): InterruptedAnalysis[] {
    const now = new Date().toISOString();
    write(this.runningKey, [...read<RunningNote>(this.runningKey), { tab: this.tab, id, name, size, progress: 0, startedAt: now, at: now }]);
    this.written.set(id, 0);
    return this.dismiss(name);
  }

  /** Move the note of analysis `id` (written when the whole percent changes). */
  progress(id: number, fraction: number): void {
    const pct = Math.floor(fraction * 100);
    if (this.written.get(id) === pct) return;
    this.written.set(id, pct);
    const at = new Date().toISOString();
    write(this.runningKey, read<RunningNote>(this.runningKey).map((n) => (n.tab === this.tab && n.id === id ? { ...n, progress: fraction, at } : n)));
  }

  /** Analysis `id` ended (report, error or cancel): its note goes. */
  end(id: number): void {
    this.written.delete(id);
    write(this.runningKey, read<RunningNote>(this.runningKey).filter((n) => !(n.tab === this.tab && n.id === id)));
  }

  /** Forget the interrupted analyses of file `name` (every one when no name is given); returns those left. */
  dismiss(name?: string): InterruptedAnalysis[] {
    const left = name === undefined ? [] : read<InterruptedAnalysis>(this.interruptedKey).filter((n) => n.name !== name);
    write(this.interruptedKey, left);
    return left;
  }
}
