// #14 round 2: each general mechanism alone, on invented prompts (none from the human-written sets), with the span
// that says which mechanism made the reading.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const read = (p: string) => interpret(p).instruction;
const span = (p: string, text: string) => read(p).spans.find((s) => s.text === text);

describe('verb forms and agreement', () => {
  it('a verb form keeps its move when a direction follows; a thing before it is its subject', () => {
    expect(read('drifting right past the pier').camera.move).toBe('pan_right');
    expect(read('clouds drifting right').camera.move).toBe(null);
    expect(read('clouds drifting right').motion.level).toBe('slow');
  });

  it('a camera word after a determiner with a verb agreeing and no direction is a thing', () => {
    expect(read('the pan bubbles on the hob').camera.move).toBe(null);
    expect(read('the pan glides left over the bay').camera.move).toBe('pan_left');
    expect(read('the zoom is slow').camera.move).not.toBe(null);
  });
});

describe('scene lighting tiers', () => {
  it('the night outranks the weather; the weather outranks the daytime', () => {
    expect(read('mist at midnight').lighting).toBe('low_key');
    expect(read('overcast summer day').lighting).toBe('flat');
    expect(read('foggy morning by the lake').lighting).toBe('flat');
  });

  it('lights put out are darkness; a colour name implies no light', () => {
    expect(read('the lamps go off in the hall').lighting).toBe('low_key');
    expect(read('switch the lights off').lighting).toBe('low_key');
    expect(read('midnight blue walls, overcast').lighting).toBe('flat');
  });
});

describe('WordNet: names, belonging, colours', () => {
  it('a capitalised name takes its proper sense; the lower-case word its common one', () => {
    expect(read('punting on the Cam').narrative.settings).toContain('river');
    expect(read('a cam and a lever').narrative.settings).toEqual([]);
    expect(read('a wet night in berlin').narrative.settings).toContain('city');
  });

  it('a thing that belongs to a seed place is that place', () => {
    const s = span('old oaks everywhere', 'oaks');
    expect(s).toMatchObject({ domain: 'setting', canonical: 'forest', via: 'wordnet' });
  });

  it('a word compromise guesses closed-class from its shape is read by WordNet', () => {
    expect(read('rain on the hoodmould').narrative.settings).toContain('hoodmould');
  });

  it('a hueless colour name takes the hue WordNet files it under; things imply colours only when none is named', () => {
    expect(read('lavender curtains').palette.primitives).toEqual(['purple']);
    expect(read('a meadow of daffodils').palette.primitives).toEqual(['yellow']);
    expect(span('a meadow of daffodils', 'daffodils')?.implies).toEqual({ color: 'yellow' });
    expect(read('a meadow of red daffodils').palette.primitives).toEqual(['red']);
  });

  it('a thing the lexicon files under a seed place puts the scene there', () => {
    expect(read('a kettle on the oven').narrative.settings).toContain('kitchen');
  });
});

describe('spelling', () => {
  it('real words are never corrected; a swap or a vowel for a vowel wins a tie', () => {
    expect(read('choppy water').spans.some((s) => s.via === 'spelling')).toBe(false);
    expect(read('tilt dwon').camera.move).toBe('tilt_down');
    expect(span('a wet streat', 'streat')).toMatchObject({ canonical: 'street', via: 'spelling', variant: 'spelling' });
  });
});

describe('compound colours', () => {
  it('two primitives far apart in hue name both; neighbours and listed blends name one', () => {
    expect(read('purple blue sky').palette.primitives).toEqual(['purple', 'blue']);
    expect(read('navy blue coat').palette.primitives).toEqual(['navy']);
    expect(read('blue green sea').palette.primitives).toEqual(['teal']);
  });
});
