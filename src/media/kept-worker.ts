// A nested worker started on first use and kept between files (its modules, tables or speech model stay loaded), until
// a failure or an abandoned job drops it: the colour worker, the range worker and the sound worker all live this way.
// The worker's constructor is passed in as a closure so that each call site keeps its literal
// `new Worker(new URL(…, import.meta.url))`, which is what Vite bundles.
import * as Comlink from 'comlink';

/** A worker and its Comlink proxy. */
export interface WorkerHandle<T> {
  worker: Worker;
  remote: Comlink.Remote<T>;
}

/** One kept nested worker: `get` starts it when there is none, `drop` ends it so that the next `get` starts afresh. */
export class KeptWorker<T> {
  private handle: WorkerHandle<T> | null = null;

  constructor(private readonly start: () => Worker) {}

  /** The kept worker, started now if there is none. */
  get(): WorkerHandle<T> {
    if (!this.handle) {
      const worker = this.start();
      this.handle = { worker, remote: Comlink.wrap<T>(worker) };
    }
    return this.handle;
  }

  /** Ends `worker` (by default the kept one); the kept one is forgotten only when it is that worker. */
  drop(worker: Worker | undefined = this.handle?.worker): void {
    if (!worker) return;
    worker.terminate();
    if (this.handle?.worker !== worker) return;
    this.handle.remote[Comlink.releaseProxy]();
    this.handle = null;
  }
}
