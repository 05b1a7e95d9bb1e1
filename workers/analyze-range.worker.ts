// The range worker (issue 18 item 3): decodes and measures one range of a file's frames while the analyze worker
// measures the range before it (src/media/analyze-ranges.ts starts it, from the analyze worker, and reuses it).
import * as Comlink from 'comlink';
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { FrameReport } from '../src/core/report/analysis.ts';
import { batchFrames, measureRange, type RangeRequest, type RangeResult } from '../src/media/analyze-ranges.ts';

/** Callbacks to the analyze worker, as one Comlink.proxy object. */
export interface RangeHooks {
  /** A batch of the range's frames, in order; the range waits on its promise. */
  onFrames(frames: FrameReport[]): Promise<void> | void;
}

const api = {
  /** Frames [req.start, req.end) of track `trackId` of `source`, measured (its overlap decoded first, after a seek). */
  async measure(source: Blob, trackId: number, req: RangeRequest, hooks: RangeHooks): Promise<RangeResult> {
    if (req.crash) {
      // test hook: an uncaught error ends this worker's task the way a real crash would (the caller sees `error`)
      setTimeout(() => {
        throw new Error('test: the range worker crashed');
      });
      return new Promise<never>(() => undefined);
    }
    const input = new Input({ source: new BlobSource(source), formats: ALL_FORMATS });
    try {
      const track = (await input.getVideoTracks()).find((t) => t.id === trackId);
      if (!track) throw new Error(`no video track ${trackId} in the file`);
      const out = batchFrames((b) => hooks.onFrames(b));
      const result = await measureRange(track, req, (f) => out.push(f));
      await out.flush();
      return Comlink.transfer(result, result.part.columns.map((c) => c.buffer as ArrayBuffer));
    } finally {
      input.dispose();
    }
  },
};

/** The API this worker exposes over Comlink; callers `import type` it only. */
export type AnalyzeRangeWorkerApi = typeof api;
Comlink.expose(api);
