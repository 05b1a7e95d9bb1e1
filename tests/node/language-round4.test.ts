// #14 round 4: each mechanism added from dev-3's misses, alone, on invented prompts (none from the human-written sets),
// with the span that says which mechanism made the reading, and switched off where it is a switchable mechanism.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe('closed compounds read by their head', () => {
  it('two known words written as one take the head\'s meaning, via compound', () => {
    expect(span('a quiet boatpark at dawn', 'boatpark', ['placeNames'])).toMatchObject({ domain: 'setting', canonical: 'park', via: 'compound' });
    // Round 8: the compound names itself, its head's class beside it.
    expect(span('a quiet boatpark at dawn', 'boatpark')).toMatchObject({ domain: 'setting', canonical: 'boatpark', implies: { setting: 'park' }, via: 'placeName' });
    expect(read('a quiet boatpark at dawn').narrative.settings).toContain('park');
  });

  it('switched off, the word is unknown; a slip is still a slip, not a compound', () => {
    expect(read('a quiet boatpark at dawn', ['compounds']).unknown.map((u) => u.text)).toContain('boatpark');
    expect(span('a peacefull lake', 'peacefull')?.via).toBe('spelling');
  });
});

describe('spelling leaves what is no slip', () => {
  it('a three-letter word is not corrected by a substitution, a word in -ss is no plural, capitals are an initialism', () => {
    expect(read('the river dey flow, camera no dey move').narrative.settings).toEqual(['river']);
    expect(read('the river dey flow, camera no dey move').camera.move).toBe('static');
    expect(span('bless the old mill', 'bless')).toBeUndefined();
    expect(read('the KTX platform at night').unknown.map((u) => u.text)).toContain('KTX');
  });
});

describe('words in their clause', () => {
  it('a clitic \'s comes off a noun; a spaced slash separates a list', () => {
    expect(read("the lake's like a mirror").narrative.settings).toContain('lake');
    // A verb takes no clitic: "the pan's hot" is the pan.
    expect(read("the old pan's hot").camera.move).toBe(null);
    expect(read('forest / orange + teal / pan right').palette.primitives).toEqual(expect.arrayContaining(['orange', 'teal']));
  });

  it('a move word\'s subject is found past auxiliaries and negators', () => {
    expect(read("the mist hasn't lifted, everything still").camera.move).not.toBe('tilt_up');
    expect(read('the camera lifts up over the wall').camera.move).toBe('tilt_up');
  });

  it('a move word\'s -s form opening a clause before a verb is a plural noun; before a direction, the move', () => {
    expect(read('cooks yelling, pans banging, steam everywhere').camera.move).toBe(null);
    expect(read('market at noon, pans left across the stalls').camera.move).toBe('pan_left');
  });

  it('an adjective in a noun\'s position after a determiner takes its WordNet place reading', () => {
    expect(span('two old men in the snug', 'snug')).toMatchObject({ domain: 'setting', canonical: 'snug', via: 'wordnet' });
    expect(read('a snug little room').narrative.mood).toContain('cosy');
  });

  it('a camera carrier doing a bound move is the camera, via syntax; otherwise its own sense', () => {
    expect(read('then the drone moves up past the cliffs').camera.move).toBe('tilt_up');
    expect(span('then the drone moves up past the cliffs', 'drone')).toMatchObject({ domain: 'camera', via: 'syntax' });
    expect(read('a low drone under the music').sound.primitives.length).toBeGreaterThan(0);
  });
});

describe('negation reaches more values', () => {
  it('a negated shake is static; a negated key turns round, softened to balanced', () => {
    expect(read('no shaking at all').camera.move).toBe('static');
    expect(read('a hallway, not bright').lighting).toBe('low_key');
    expect(read('a hallway, not too dark').lighting).toBe('balanced');
  });

  it('a speed said outright outlives a negated move', () => {
    const i = read('cyclists racing past fast, camera does not move');
    expect(i.camera.move).toBe('static');
    expect(i.motion.level).toBe('fast');
    expect(read('no movement at all').motion.level).toBe('still');
  });
});

describe('idioms and learning', () => {
  it('go + intensifier + a word with no value of its own is the frenzy idiom', () => {
    expect(span('the fans went totally potty', 'went totally potty')).toMatchObject({ domain: 'motion', canonical: 'fast', via: 'idiom' });
    expect(read('the sky went totally white').motion.level).toBe(null);
    // Only go itself, and the word ends its clause.
    expect(read('the stall got so many buns, pan right').motion.level).toBe(null);
    expect(read('the fans went totally potty', ['idioms']).motion.level).toBe(null);
  });

  it('no intensifier is learned from a plural noun or before an -ing verb', () => {
    expect(interpret('wombats grumbling in the dusk').learned.filter((e) => e.domain === 'intensity')).toEqual([]);
  });
});

describe('the scene', () => {
  it('a -y adjective implies what its noun does; a colour said of the sky is the light', () => {
    expect(read('a drizzly lane').lighting).toBe('flat');
    expect(read('a drizzly lane', ['implied']).lighting).toBe(null);
    expect(read('a dark red sky over the moor').lighting).toBe('low_key');
    expect(read('a dark red door').lighting).toBe(null);
  });

  it('a slip is read as its word for the colour a thing implies', () => {
    expect(read('a vase of daffodills').palette.primitives).toContain('yellow');
  });
});
