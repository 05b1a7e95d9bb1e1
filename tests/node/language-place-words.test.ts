// #14 round 11, places named by words that are read otherwise: an initialism in a place's slot (read-place-names.ts),
// a compound naming its head (name-places.ts), a lexicon word with a place sense standing as a noun in the strict place
// frame (place-frames.ts). Invented prompts (none from the human-written sets), and where each must not fire.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const settings = (p: string) => interpret(p).instruction.narrative.settings;

describe('an initialism after a place preposition and its article is a named place', () => {
  it('ending its clause or before a place or time phrase', () => {
    expect(settings('fans streaming out of a gig at the SSE, rain')).toContain('sse');
    expect(settings('a long queue outside the DMV at dawn')).toContain('dmv');
  });

  it('not a word the resources know, not without the article, not in a shouted prompt', () => {
    expect(settings('watching cartoons on the TV at night')).not.toContain('tv');
    expect(settings('shot at SSE, rain')).not.toContain('sse');
    expect(settings('FANS AT THE SSE, RAIN')).not.toContain('sse');
  });
});

describe('a compound place names its head beside itself', () => {
  it('a compound read by its head, and a WordNet phrase filed as its head\'s own kind', () => {
    expect(settings('a cheap curry joint at midnight')).toEqual(expect.arrayContaining(['curry joint', 'joint']));
    expect(settings('a quiet airport terminal before sunrise')).toContain('terminal');
  });

  it('not a phrase filed as another kind ("car park" is no park)', () => {
    expect(settings('empty car park at dusk')).not.toContain('park');
  });
});

describe('a lexicon word with a place sense, as a noun in the strict place frame', () => {
  it('after a place preposition and "the", the clause ending or a clause of time following', () => {
    expect(settings('bison thunder across the plain as dust rises')).toContain('plain');
  });

  it('keeps its own reading anywhere else', () => {
    expect(settings('a plain grey backdrop, no music')).not.toContain('plain');
    expect(settings('plain and simple, slow pan across the wall')).not.toContain('plain');
  });
});

describe('a thing before a word read as a place names the kind of place', () => {
  it('"<thing> <place>" is one place, named by its words, with its head', () => {
    expect(settings('an empty tram shelter after midnight')).toEqual(expect.arrayContaining(['tram shelter', 'shelter']));
  });

  it('not a plural or a thing apart from the place', () => {
    expect(settings('two cats on the beach')).toEqual(['beach']);
  });
});

describe('goods WordNet files by the room or home they are for imply that place (reduce-wordnet goods anchors)', () => {
  it('a home appliance implies a home; a bed a bedroom', () => {
    expect(settings('the freezer hums, one bare bulb')).toContain('home');
    expect(settings('a rumpled bed, soft morning light')).toContain('bedroom');
  });

  it('not when a place is named, nor under an open sky', () => {
    expect(settings('an old freezer dumped in the field')).not.toContain('home');
    expect(settings('a freezer rusting under a grey sky')).not.toContain('home');
  });
});
