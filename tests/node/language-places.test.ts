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

describe('a noun with a WordNet place sense is a place where a place stands', () => {
  it('after a determiner or place preposition, or opening its clause before a place or time phrase, via placeFrame', () => {
    expect(span('we drove up to the compound', 'compound')).toMatchObject({ domain: 'setting', canonical: 'compound', via: 'placeFrame' });
    expect(read('court in the spring, kids dribbling').narrative.settings).toContain('court');
    expect(read('the gallop of horses on the deck while it rains').narrative.settings).toContain('deck');
    // A lexicon word's minor place sense after a place preposition with a modifier between, before a conjunction.
    expect(read('dogs racing on a wet pitch while it pours').narrative.settings).toContain('pitch');
  });

  it('a verb after its subject, a noun before another, a possessive, a sound: no place; switched off, unknown', () => {
    expect(read('a court ruling, strip the paint').narrative.settings).toEqual([]);
    expect(read('a burn on my arm').narrative.settings).toEqual([]);
    expect(read('a high pitch and a hum').narrative.settings).toEqual([]);
    expect(read('we drove up to the compound', ['placeFrames']).unknown.map((u) => u.text)).toContain('compound');
  });
});
