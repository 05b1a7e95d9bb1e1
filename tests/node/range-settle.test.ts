// How analyze-ranges.ts waits for its two ranges (settleRanges): the first failure ends the wait — the range worker's
// crash (through a FailureGate) or either range's own error — and, the point of the gate, a file whose ranges both
// measured keeps none of their results alive afterwards, where racing the second range against a crash promise that
// stays pending (nothing crashed: the usual case) keeps every file's. Retention is observed as in
// failure-gate.test.ts: WeakRefs and a real garbage collection (V8's gc, exposed at run time).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { settleRanges, type RangeResult } from '../../src/media/analyze-ranges.ts';
import { FailureGate } from '../../src/media/failure-gate.ts';
import { AnalysisFailure } from '../../src/media/media-errors.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A range's result the size a part of a few hundred frames has (~256 kB of columns); only its identity matters here. */
const range = (i: number) => ({ part: { columns: new Float32Array(65_536) }, count: i, lastEnd: i, overlapHashes: [], mismatch: null }) as unknown as RangeResult;
const later = <T>(v: T) => new Promise<T>((resolve) => setTimeout(() => resolve(v), 0));

/** Measures `n` files' two ranges through `wait`, keeping WeakRefs to the results; how many are alive after a GC. */
async function alive(n: number, wait: (first: Promise<RangeResult>, second: Promise<RangeResult>) => Promise<unknown>): Promise<number> {
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < n; i++) {
    const a = range(i);
    const b = range(i);
    refs.push(new WeakRef(a), new WeakRef(b));
    await wait(later(a), later(b));
  }
  await new Promise((r) => setTimeout(r, 0));
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return refs.filter((w) => w.deref() !== undefined).length;
}

describe('settleRanges', () => {
  it('keeps nothing of a file’s ranges once both measured, while the files’ crash gates stay open; a crash race keeps them', async () => {
    // each file its own gate, never failed, and kept (as a worker's error listener would keep it); at most the last
    // file's two results live on, which the loop's frame may still hold
    const gates: FailureGate[] = [];
    expect(await alive(50, async (first, second) => {
      const gate = new FailureGate();
      gates.push(gate);
      const outcome = await settleRanges(first, second, gate);
      expect(outcome.ok).toBe(true);
    })).toBeLessThanOrEqual(2);
    expect(gates.every((g) => g.pending === 0)).toBe(true);
    // the pattern it replaces: Promise.race([second, crash]) with the crash promise kept pending and reachable
    const crashes: Promise<never>[] = [];
    expect(await alive(50, async (first, second) => {
      const crash = new Promise<never>(() => undefined);
      crashes.push(crash);
      await Promise.all([first, Promise.race([second, crash])]);
    })).toBeGreaterThanOrEqual(50);
  });

  it('the range worker’s crash ends the wait at once, the first range still measuring; a crash before the wait too', async () => {
    const gate = new FailureGate();
    const stuck = new Promise<RangeResult>(() => undefined);
    const waiting = settleRanges(stuck, stuck, gate);
    const crash = new AnalysisFailure('internal', 'the range worker (frames 30–59) failed: boom');
    gate.fail(crash);
    expect(await waiting).toEqual({ ok: false, err: crash, range: 'second' });
    expect(gate.pending).toBe(0);
    expect(await settleRanges(later(range(1)), later(range(2)), gate)).toEqual({ ok: false, err: crash, range: 'second' });
  });

  it('a range’s own error is the outcome, the first range’s named first; both measured gives both results in order', async () => {
    const bad = new TypeError('decode failed at frame 12');
    const stuck = new Promise<RangeResult>(() => undefined);
    expect(await settleRanges(Promise.reject(bad), stuck, new FailureGate())).toEqual({ ok: false, err: bad, range: 'first' });
    expect(await settleRanges(later(range(1)), Promise.reject(bad), new FailureGate())).toEqual({ ok: false, err: bad, range: 'second' });
    const [a, b] = [range(1), range(2)];
    expect(await settleRanges(later(a), later(b), new FailureGate())).toEqual({ ok: true, first: a, second: b });
  });
});
