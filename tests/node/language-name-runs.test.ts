// #14 round 10, names of more than one word (read-name-runs.ts, switch `nameRuns`): invented prompts (none from the
// human-written sets), the cases it must read and those it must leave alone, and switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const settings = (p: string, off: Mechanism[] = []) => read(p, off).narrative.settings;
const span = (p: string, text: string) => read(p).spans.find((s) => s.text === text);

describe('a capitalised name whose last word is a place noun', () => {
  it('is one setting by its whole name, its head and class beside it, with no preposition before it', () => {
    expect(settings('Milford Park, kids on the swings, slow pan right')).toEqual(['milford park', 'park']);
    expect(span('Milford Park, kids on the swings, slow pan right', 'Milford Park')).toMatchObject({ domain: 'setting', canonical: 'milford park', implies: { setting: 'park' }, via: 'placeName' });
    // The words before the head lose their own readings: "Orchard" is no garden, "Silver" no colour.
    expect(settings('Orchard Bay packed with boats, gulls overhead')).toEqual(['orchard bay', 'bay', 'sea']);
    expect(read('Silver Harbour before the storm, waves crashing').palette.primitives).not.toContain('white');
  });

  it('a street abbreviation is read as the place it stands for', () => {
    expect(settings('Mercer St on a rainy evening, buses going past')).toEqual(expect.arrayContaining(['mercer street', 'street']));
    expect(settings('Hollis Rd at dawn, fog rolling in')).toEqual(expect.arrayContaining(['hollis road', 'road']));
  });

  it('a place noun opening the name gives its class ("Lake X")', () => {
    expect(settings('Lake Wanaka under grey cloud, camera still')).toEqual(expect.arrayContaining(['lake wanaka', 'lake']));
  });

  it('switched off, the head alone', () => {
    expect(settings('Milford Park, kids on the swings, slow pan right', ['nameRuns'])).not.toContain('milford park');
  });
});

describe('a capitalised name with no place head, where a place stands', () => {
  it('opening its clause before a place or time phrase, or after a place preposition: a name with no class', () => {
    expect(settings('Koro Rock at sunset, sky all orange')).toEqual(expect.arrayContaining(['koro rock']));
    expect(span('Koro Rock at sunset, sky all orange', 'Koro Rock')).toMatchObject({ domain: 'setting', via: 'namedPlace' });
    expect(settings('people queueing on the Long Mile, drizzle, handheld')).toContain('long mile');
  });

  it('not a person named before a place, nor a name the sentence does not put where a place stands', () => {
    expect(settings('Uncle Peter at the beach, waves rolling in')).not.toContain('uncle peter');
    expect(settings('the crowd loves Koro Rock songs, lights flashing')).not.toContain('koro rock');
  });

  it('a prompt in title case marks no names', () => {
    expect(settings('Quiet Morning Over The Harbour Town, Slow Pan')).not.toContain('harbour town');
  });
});

describe('a place name before a place noun in lower case', () => {
  it('is one name; the place it is in stays beside it', () => {
    expect(settings('a stroll along the glasgow canal, ducks, slow pan')).toEqual(expect.arrayContaining(['glasgow canal', 'canal', 'glasgow']));
  });

  it('a common word a resource also files as a name is that word, a common place noun a modifier', () => {
    expect(settings('the village well at noon, women chatting')).not.toContain('village well');
    expect(read('a little fishing hamlet, red houses, snow').palette.primitives).toContain('red');
    expect(settings('a little fishing hamlet, red houses, snow')).not.toContain('red houses');
  });
});
