// #14 round 8, places and mood (the `places` helper; the camera side is language-round8.test.ts): each mechanism alone on
// invented prompts (none from the human-written sets), with the span that says which mechanism made the reading, and switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe('a place noun names itself beside its class', () => {
  it('a WordNet place a seed absorbs keeps its own name, the class in implies, via placeName', () => {
    expect(read('a quiet pond at dawn').narrative.settings).toEqual(['pond', 'lake', 'dawn']);
    expect(span('a quiet pond at dawn', 'pond')).toMatchObject({ domain: 'setting', canonical: 'pond', implies: { setting: 'lake' }, via: 'placeName' });
    // A dialect word WordNet files as a place names itself; one it does not ("arvo", a time) does not.
    expect(read('arvo by the loch').narrative.settings).toEqual(['afternoon', 'loch', 'lake']);
    // A phrase the lexicon lists as a place is named by its words.
    expect(read('the high street at noon').narrative.settings).toEqual(['high street', 'street', 'afternoon']);
  });

  it('a thing found in a place and a slip name no place; switched off, only the class', () => {
    expect(read('old oaks everywhere, slow pan').narrative.settings).toEqual(['forest']);
    expect(read('sheep in the feild at dawn').narrative.settings).toEqual(['field', 'dawn']);
    expect(read('a quiet pond at dawn', ['placeNames']).narrative.settings).toEqual(['lake', 'dawn']);
  });
});
