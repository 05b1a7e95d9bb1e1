// A streamed batch sent in parts (src/app/json-batches.ts): the parts, parsed and joined, are the batch in order; each
// part's JSON is within the bound unless it holds one element; a small batch goes whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_CHARS, sendJsonInParts } from '../../src/app/json-batches.ts';

describe('sendJsonInParts', () => {
  it('splits a batch over the bound into parts within it, in order, nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ i: fc.integer(), s: fc.string({ maxLength: 300 }) }), { maxLength: 80 }), fc.integer({ min: 1, max: 2000 }), async (items, max) => {
        const parts: string[] = [];
        await sendJsonInParts(items, (json) => void parts.push(json), max);
        expect(parts.flatMap((p) => JSON.parse(p) as unknown[])).toEqual(items);
        for (const p of parts) expect(p.length <= max || (JSON.parse(p) as unknown[]).length <= 1).toBe(true);
        if (JSON.stringify(items).length <= max) expect(parts).toEqual([JSON.stringify(items)]);
      }),
      { numRuns: 200 },
    );
  });
  it('sends a report-sized batch of 64 frames of ~1.9 kB in parts under the default bound', async () => {
    const frame = (i: number) => ({ index: i, colors: Array.from({ length: 20 }, (_, k) => ({ rgb: [k, i % 256, 200], share: 0.123456 + k / 100, lab: [0.5123, 0.012345, -0.054321], name: 'steel blue' })) });
    const batch = Array.from({ length: 64 }, (_, i) => frame(i));
    expect(JSON.stringify(batch).length).toBeGreaterThan(MAX_BATCH_CHARS);
    const parts: string[] = [];
    await sendJsonInParts(batch, async (json) => void parts.push(json));
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.length <= MAX_BATCH_CHARS)).toBe(true);
    expect(parts.flatMap((p) => JSON.parse(p) as unknown[])).toEqual(batch);
  });
  it('refuses a bound that is not positive', async () => {
    await expect(sendJsonInParts([1], () => undefined, 0)).rejects.toThrow(TypeError);
  });
});
