// #14 round 10, the place's slot and buildings named as things (read-place-names.ts, switch `namedPlaces`;
// imply-setting.ts, switch `strongImplied`): invented prompts (none from the human-written sets), and where they must not fire.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const settings = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction.narrative.settings;

describe('a word in the strict slot of a place is its name', () => {
  it('a lower-case slip read as a thing, after a place preposition and before the clause ends', () => {
    expect(settings('crowds queueing at tanjong, lanterns everywhere, slow pan')).toContain('tanjong');
    expect(settings('crowds queueing at tanjong, lanterns everywhere, slow pan', ['namedPlaces'])).not.toContain('tanjong');
  });

  it('a capitalised word inside a sentence read as a thing or a quality', () => {
    expect(settings('kids swimming out at Cosy, camera drifts right')).toContain('cosy');
  });

  it('not a slip of a place ("feild" stays field), not outside the slot, not a time', () => {
    expect(settings('cows in the feild at dawn')).toEqual(['field', 'dawn']);
    expect(settings('tanjong lanterns everywhere, slow pan')).not.toContain('tanjong');
    expect(settings('we met at Noon, bright')).toEqual(['afternoon']);
  });
});

describe('a thing read as a subject that WordNet files as a place of its own name', () => {
  it('is where the scene is when no place is named', () => {
    expect(settings('the camera slowly reveals a lighthouse on the point')).toContain('lighthouse');
  });

  it('not when a place is named, and not for things that are no place', () => {
    expect(settings('a lighthouse seen from the beach, waves')).not.toContain('lighthouse');
    expect(settings('a man walks his dog, slow pan')).toEqual([]);
  });
});
