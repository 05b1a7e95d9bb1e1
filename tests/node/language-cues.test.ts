// #14 session 9 (the `cues` helper): what is heard and how lively the scene is, said indirectly — a still scene from
// nothing or nobody stirring, a happening noun that only names a kind, music played by a maker no dictionary has,
// a sound everywhere. Invented prompts (none from the human-written sets), each with the cases a mechanism must not
// fire on, and the mechanism switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe('nothing and nobody stirring (stillScene)', () => {
  it('nothing or nobody as the subject of a verb of movement or of being about: still, one span via stillScene', () => {
    expect(read('the quarry after the shift, naebody aboot').motion.level).toBe('still');
    expect(span('the quarry after the shift, naebody aboot', 'naebody aboot')).toMatchObject({ domain: 'motion', canonical: 'still', via: 'stillScene' });
    expect(read('an empty platform, not a soul around').motion.level).toBe('still');
    expect(read('an empty platform, not a soul around', ['stillScene']).motion.level).toBeNull();
  });

  it('hedged ("hardly anything", "barely anyone") is slow', () => {
    expect(read('the marina at noon, barely anyone moving').motion.level).toBe('slow');
    expect(read('an orchard in august, hardly anything happening').motion.level).toBe('slow');
  });

  it('does not fire on an exception, another verb, or a speed said outright', () => {
    expect(read('nothing but gulls wheeling over the pier').motion.level).not.toBe('still');
    expect(read('nobody knows this village').motion.level).toBeNull();
    expect(read('a dog sprinting, nothing stops it').motion.level).toBe('fast');
  });
});

describe('a happening noun that names a kind (sceneEnergy)', () => {
  it('before a noun of its clause it is no happening: "storm shutters", "hurricane lamp"', () => {
    expect(read('storm shutters on a seaside cottage').motion.level).toBeNull();
    expect(read('a hurricane lamp on the table').motion.level).toBeNull();
  });

  it('as the scene\'s own happening it still gives fast', () => {
    expect(read('a storm lashing the harbour wall').motion.level).toBe('fast');
    expect(read('the hurricane, palm trees bent double').motion.level).toBe('fast');
  });
});

describe('music played, a sound everywhere (soundActivity)', () => {
  it('a maker no dictionary has playing with no object: full, on "play" via soundActivity', () => {
    expect(read('the zouglou dey play slow slow').sound.presence).toBe('full');
    expect(span('the zouglou dey play slow slow', 'play')).toMatchObject({ domain: 'presence', canonical: 'full', via: 'soundActivity' });
    expect(read('a marimba playing gently by the pool').sound.presence).toBe('full');
    expect(read('the zouglou dey play slow slow', ['soundActivity']).sound.presence).toBeNull();
  });

  it('people or a game played are no music', () => {
    expect(read('children playing by the pool').sound.presence).toBeNull();
    expect(read('grandads playing draughts by the pool').sound.presence).toBeNull();
    expect(read('the zouglou crew dey play football').sound.presence).toBeNull();
  });

  it('a sound said to be everywhere is full; a thing everywhere is no sound', () => {
    expect(read('a bus depot at rush hour, noise all over').sound.presence).toBe('full');
    expect(read('a bazaar, music everywhere').sound.presence).toBe('full');
    expect(read('autumn leaves everywhere, a quiet lane').sound.presence).not.toBe('full');
  });
});

describe('a bare number of beats (bareTempo)', () => {
  it('after "at" in a clause of music: bpm, banded, the number a tempo span via bareTempo', () => {
    const got = read('a basement club, the drum and bass rolling at around 174');
    expect(got.sound.bpm).toBe(174);
    expect(got.sound.tempo).toBe('fast');
    expect(span('a basement club, the drum and bass rolling at around 174', '174')).toMatchObject({ domain: 'tempo', via: 'bareTempo' });
    expect(read('a steel band on the veranda at about 76 all evening').sound.tempo).toBe('slow');
    expect(read('congas @ 100').sound.bpm).toBe(100);
    expect(read('a basement club, the drum and bass rolling at around 174', ['bareTempo']).sound.bpm).toBeNull();
  });

  it('not a time, a price, a distance, a year, or a number with no music before it', () => {
    expect(read('a brass band at 7 in the evening').sound.bpm).toBeNull();
    expect(read('a brass band at 12:30').sound.bpm).toBeNull();
    expect(read('jazz night at $60 a head').sound.bpm).toBeNull();
    expect(read('the band bus at 90 km an hour').sound.bpm).toBeNull();
    expect(read('a motorbike on the coast road at 120').sound.bpm).toBeNull();
    expect(read('the band, back at 1994').sound.bpm).toBeNull();
  });
});

describe('a source named by its sound (soundSources)', () => {
  it('"the sound of" a source hears it', () => {
    expect(read('a tin roof at night, just the sound of the rain').sound.primitives).toEqual(['hiss']);
    expect(span('a tin roof at night, just the sound of the rain', 'rain')?.implies).toMatchObject({ sound: 'hiss' });
    expect(read('a tin roof at night, the smell of the rain').sound.primitives).toEqual([]);
  });
});
