// The worker's side of the streamed report (issue 18): complete frames leave the worker in order, in batches, as
// soon as they are measured, so neither the worker nor its caller ever holds a long file's frames as objects.
import type { FrameReport } from '../core/report/analysis.ts';
import type { FrameTable } from '../core/report/frame-table.ts';

/** Frames per batch: ~2 s of 30 f/s video, a few hundred kB of JSON. */
export const BATCH_FRAMES = 64;

/** Receives one batch of complete frames, in order; the stream waits on the promise it returns (backpressure). */
export type FrameSink = (frames: FrameReport[]) => Promise<void> | void;

/** The caller's sink failed (e.g. its page went away): the analysis stops instead of reporting damage of the file. */
export class FrameSinkError extends Error {
  override name = 'FrameSinkError';
}

/** Sends the frames of `table` out through `sink`, in order, at most two batches in flight. */
export class FrameStream {
  private batch: FrameReport[] = [];
  private next = 0;
  private inFlight = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly table: FrameTable, private readonly sink: FrameSink) {}

  /** Frames sent or queued so far. */
  get sent(): number {
    return this.next;
  }

  /** Queues frames up to `end` (exclusive): they are complete (their sound set, or none to come). */
  upTo(end: number): void {
    while (this.next < end) {
      this.batch.push(this.table.frame(this.next++));
      if (this.batch.length >= BATCH_FRAMES) this.ship();
    }
  }

  /** Waits while more than one batch is in flight, so a slow reader slows the analysis instead of filling memory. */
  async pace(): Promise<void> {
    if (this.inFlight > 1) await this.tail;
  }

  /** Sends what is left and waits until every batch was taken. */
  async finish(): Promise<void> {
    this.ship();
    await this.tail;
  }

  private ship(): void {
    if (this.batch.length === 0) return;
    const frames = this.batch;
    this.batch = [];
    this.inFlight++;
    this.tail = this.tail.then(async () => {
      try {
        await this.sink(frames);
      } catch (err) {
        throw new FrameSinkError(`the report's reader failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      } finally {
        this.inFlight--;
      }
    });
    // a failure is seen by the next pace() or finish(); never unhandled meanwhile
    this.tail.catch(() => undefined);
  }
}
