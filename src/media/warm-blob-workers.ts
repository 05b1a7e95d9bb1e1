// The AAC encoder (@mediabunny/aac-encoder, registered where WebCodecs has no AAC encoder, i.e. Debian's Chromium)
// starts a worker of its own for every audio track it encodes, from a 1 MB inline script holding libavcodec in WASM
// behind a blob: URL, and ends it when the track is done: every clip paid a thread start, the script's parse and
// the WASM's compile. Inside the render worker, `keepBlobWorkersWarm` hands such a library a stand-in for its worker
// and keeps the real one for the next clip. Each clip still asks the worker for a new encoder context (`init`), so it
// is encoded by exactly the code and state a fresh worker gives it; those contexts are never freed by the library,
// so a worker is really ended after `maxUses` clips (bounded memory).

/** One real worker behind the stand-ins handed out over time. */
interface Slot {
  real: Worker;
  uses: number;
  /** Messages posted minus messages answered: a worker is kept only when every request was answered. */
  outstanding: number;
  /** It reported an error: never kept. */
  broken: boolean;
  owner: KeptWorker | null;
}

/** Counters of a scope's kept workers (tests and benchmarks). */
export interface WarmWorkerStats {
  /** Real workers started. */
  started: number;
  /** Stand-ins handed out (one per `new Worker` of a blob: URL). */
  handedOut: number;
}

const stats: WarmWorkerStats = { started: 0, handedOut: 0 };

/** How many blob-URL workers were really started, and how many stand-ins handed out, in this scope so far. */
export function warmWorkerStats(): WarmWorkerStats {
  return { ...stats };
}

/** What a library holding a Worker uses of it: events, postMessage and terminate. */
class KeptWorker extends EventTarget {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;

  constructor(private slot: Slot | null, private readonly release: (slot: Slot) => void) {
    super();
  }

  postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
    const slot = this.slot;
    if (!slot) return; // terminated: a real worker drops messages too
    slot.outstanding++;
    if (Array.isArray(transfer)) slot.real.postMessage(message, transfer);
    else slot.real.postMessage(message, transfer ?? {});
  }

  terminate(): void {
    const slot = this.slot;
    if (!slot) return;
    this.slot = null;
    slot.owner = null;
    this.release(slot);
  }

  /** A message (or error) of the real worker, for this stand-in's listeners. */
  deliver(type: 'message' | 'messageerror' | 'error', source: Event): void {
    const e = type === 'error' ? new Event('error') : new MessageEvent(type, { data: (source as MessageEvent).data });
    this.dispatchEvent(e);
    if (type === 'message') this.onmessage?.(e as MessageEvent);
    else if (type === 'messageerror') this.onmessageerror?.(e as MessageEvent);
    else this.onerror?.(e);
  }
}

/**
 * In this worker scope, make `new Worker(blobUrl)` (classic, not module) return a stand-in backed by a kept worker:
 * an idle one if any, else a new one. A stand-in's `terminate()` returns its worker to the pool when every message it
 * posted was answered and no error came, and it has served fewer than `maxUses` stand-ins; otherwise it is ended.
 * Workers of other URLs (module workers, files) are created as before. Call once, before the library starts workers.
 */
export function keepBlobWorkersWarm(scope: { Worker: typeof Worker }, maxUses: number): void {
  const NativeWorker = scope.Worker;
  const idle: Slot[] = [];

  const release = (slot: Slot) => {
    if (slot.outstanding === 0 && !slot.broken && slot.uses < maxUses) idle.push(slot);
    else slot.real.terminate();
  };

  const start = (url: string | URL, options?: WorkerOptions): Slot => {
    const slot: Slot = { real: new NativeWorker(url, options), uses: 0, outstanding: 0, broken: false, owner: null };
    stats.started++;
    slot.real.addEventListener('message', (e) => {
      slot.outstanding--;
      slot.owner?.deliver('message', e);
    });
    slot.real.addEventListener('messageerror', (e) => {
      slot.broken = true;
      slot.owner?.deliver('messageerror', e);
    });
    slot.real.addEventListener('error', (e) => {
      slot.broken = true;
      e.preventDefault();
      slot.owner?.deliver('error', e);
    });
    return slot;
  };

  function WarmWorker(url: string | URL, options?: WorkerOptions): Worker {
    const href = String(url);
    if (!href.startsWith('blob:') || options?.type === 'module') return new NativeWorker(url, options);
    // The blob URL may be revoked right after this call: a new worker must be started now, from it.
    const slot = idle.pop() ?? start(url, options);
    slot.uses++;
    stats.handedOut++;
    const kept = new KeptWorker(slot, release);
    slot.owner = kept;
    return kept as unknown as Worker;
  }
  scope.Worker = WarmWorker as unknown as typeof Worker;
}
