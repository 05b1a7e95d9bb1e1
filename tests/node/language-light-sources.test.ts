// Session 10 (#14): a light source of the dark (a lantern, a streetlamp, neon) outranks a weather word (mist, fog,
// drizzle), as imply-lighting.ts's tiers say: one sees a lantern in the mist because it is dim. Sentences written for
// this test.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const lighting = (p: string) => interpret(p).instruction.lighting;

describe('a light source of the dark outranks the weather', () => {
  it('a lamp, a lantern or neon in mist or fog is low key', () => {
    expect(lighting('paper lanterns swaying in the mist')).toBe('low_key');
    expect(lighting('a lone streetlamp in the fog')).toBe('low_key');
  });

  it('the weather alone, or with daylight, stays flat', () => {
    expect(lighting('fog rolling over the harbour')).toBe('flat');
    expect(lighting('an overcast afternoon on the pier')).toBe('flat');
    expect(lighting('foggy morning, sun breaking through')).toBe('flat');
  });
});
