// #14 round 11, a place or event before a predicate adjective with no verb (place-frames.ts `predicateAfter`, used by
// the place frames and the event frames): invented prompts (none from the human-written sets), and where it must not fire.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const settings = (p: string) => interpret(p).instruction.narrative.settings;

describe('a noun with a place sense before a predicate adjective stands where a place stands', () => {
  it('a definite or bare noun phrase opening its clause, the adjective ending it or before a place or time phrase', () => {
    expect(settings('generator off again, the whole compound silent, one torch')).toContain('compound');
    expect(settings('courtyard deck so calm at midnight, camera holds')).toContain('deck');
  });

  it('an event noun opening its clause before a predicate adjective', () => {
    expect(settings('street party loud as anything, camera weaving through')).toContain('party');
  });
});

describe('where the predicate frame does not fire', () => {
  it('an indefinite noun phrase is a kind described, not a place', () => {
    expect(settings('a chemical compound green in the flask')).not.toContain('compound');
  });

  it('a verb between the noun and the adjective, or no adjective', () => {
    expect(settings('the compound looks dark')).not.toContain('compound');
    expect(settings('a single match is struck, warm glow')).toEqual([]);
  });
});
