// Progress crossing a thread is thinned (src/media/progress-throttle.ts): first value, steps of 0.1 or 250 ms, and 1.
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../src/media/progress-throttle.ts';

function run(values: number[], times: number[]): number[] {
  const sent: number[] = [];
  let k = 0;
  const send = throttleProgress((f) => sent.push(f), { step: 0.1, ms: 250 }, () => times[k]!);
  for (; k < values.length; k++) send(values[k]!);
  return sent;
}

describe('throttleProgress', () => {
  it('a 30-frame clip measured quickly: the first value, every 10 %, and 1', () => {
    const values = Array.from({ length: 30 }, (_, i) => Math.round(((i + 1) / 30) * 1000) / 1000).concat([1]);
    const sent = run(values, values.map((_, i) => i * 5));
    expect(sent[0]).toBe(values[0]);
    expect(sent.at(-1)).toBe(1);
    expect(sent.length).toBeLessThanOrEqual(12);
    expect(sent.length).toBeGreaterThan(3);
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i]!).toBeGreaterThan(sent[i - 1]!);
      if (sent[i] !== 1) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(0.1 - 1e-12);
    }
  });

  it('a long file keeps moving: a small step passes once 250 ms have gone by', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) / 10000);
    const sent = run(values, values.map((_, i) => i * 100));
    // 100 ms apart: every third value (0, 300, 600, … ms), never two within 250 ms
    expect(sent).toEqual(values.filter((_, i) => i % 3 === 0));
  });

  it('repeats are dropped, 1 always passes', () => {
    expect(run([0, 0, 0.01, 0.01, 1, 1], [0, 1, 2, 3, 4, 5])).toEqual([0, 1]);
  });
});
