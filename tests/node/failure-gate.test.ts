// The colour worker's wait (src/media/failure-gate.ts): a crash ends pending and later waits, and — the point of it —
// a wait keeps nothing alive once its work settled, where `Promise.race([work, failed])` against a `failed` that
// stays pending keeps every result (the analysis of a 10-minute file held ~34 MB of frame measures, ~1.9 kB a frame, that way). The
// retention is observed with WeakRefs and a real garbage collection (V8's gc, exposed at run time).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FailureGate } from '../../src/media/failure-gate.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A result worth noticing: ~64 kB, like a frame's measures with their buffers. */
const result = (i: number) => ({ i, data: new Float32Array(16_384) });

/** Waits `n` times through `wait`, keeping a WeakRef to each result; how many results are still alive after a GC. */
async function alive(n: number, wait: (p: Promise<ReturnType<typeof result>>) => Promise<ReturnType<typeof result>>): Promise<number> {
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < n; i++) {
    const r = await wait(new Promise((resolve) => setTimeout(() => resolve(result(i)), 0)));
    expect(r.i).toBe(i);
    refs.push(new WeakRef(r));
  }
  await new Promise((r) => setTimeout(r, 0));
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return refs.filter((w) => w.deref() !== undefined).length;
}

describe('FailureGate', () => {
  it('keeps no result of a settled wait alive; a race against a pending promise keeps every one (the leak it replaces)', async () => {
    const gate = new FailureGate();
    // at most the last one, which the loop's frame may still hold
    expect(await alive(200, (p) => gate.wait(p))).toBeLessThanOrEqual(1);
    expect(gate.pending).toBe(0);
    const never = new Promise<never>(() => undefined);
    // the measurement can fail: the old pattern is caught by it
    expect(await alive(200, (p) => Promise.race([p, never]))).toBe(200);
  });

  it('a failure rejects the waits pending, and every later one, with the first error', async () => {
    const gate = new FailureGate();
    const stuck = gate.wait(new Promise<number>(() => undefined));
    const quick = await gate.wait(Promise.resolve(7));
    expect(quick).toBe(7);
    expect(gate.pending).toBe(1);
    const crash = new Error('the frame-colors worker failed: boom');
    gate.fail(crash);
    gate.fail(new Error('a second failure'));
    await expect(stuck).rejects.toBe(crash);
    expect(gate.pending).toBe(0);
    await expect(gate.wait(Promise.resolve(1))).rejects.toBe(crash);
  });

  it('a wait rejects with its own work’s error when no failure came', async () => {
    const gate = new FailureGate();
    const own = new TypeError('bad frame');
    await expect(gate.wait(Promise.reject(own))).rejects.toBe(own);
    expect(gate.pending).toBe(0);
    expect(await gate.wait(Promise.resolve('next'))).toBe('next');
  });
});
