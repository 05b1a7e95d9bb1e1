// #14 round 6: world knowledge (named places read as the kind of place they are, through WordNet's instance
// hypernyms; open compounds read by their place head) and dialect senses (regional senses of common words chosen by
// the prompt's region), each alone on invented prompts (none from the human-written sets), with the span that says
// which mechanism made the reading, and switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe('named places: an instance is the kind of place it is (WordNet instance hypernyms)', () => {
  it('a named landmark reads as its class, via wordnet', () => {
    expect(read('the Taj Mahal at dawn, slow tilt up').narrative.settings).toContain('mausoleum');
    expect(span('the Taj Mahal at dawn, slow tilt up', 'Taj Mahal', ['placeNames'])).toMatchObject({ domain: 'setting', canonical: 'mausoleum', via: 'wordnet' });
    expect(read('a slow pan across the Great Barrier Reef').narrative.settings).toEqual(['great barrier reef', 'reef']);
  });

  it('a class a seed absorbs gives the seed (a mountain range is mountains)', () => {
    expect(read('gondola up the Tyrolean Alps').narrative.settings).toEqual(['tyrolean alps', 'alps', 'mountain']);
  });

  it('a class too general to name a place by keeps the name; a lower-case common word keeps its common sense', () => {
    expect(read('reindeer in Lapland').narrative.settings).toEqual(['lapland']);
    expect(read('pigeons by the Louvre').narrative.settings).toEqual(['museum']);
    expect(read('the louvre of the window').narrative.settings).toEqual([]);
  });
});

describe('open compounds read by their place head', () => {
  it('an unread noun before a word with a WordNet place sense is one place, keeping its name, via compound', () => {
    expect(read('a noodle centre at night').narrative.settings).toEqual(['noodle centre', 'centre', 'night']);
    expect(span('a noodle centre at night', 'noodle centre')).toMatchObject({ domain: 'setting', canonical: 'noodle centre', via: 'compound' });
  });

  it('not a position after a function word, a plural or a verb, nor a head read otherwise', () => {
    expect(read('zoom to the centre').narrative.settings).toEqual([]);
    expect(read('camera cruises left').narrative.settings).toEqual([]);
    expect(read('boats drift past sodium orange lamps').palette.primitives).toContain('orange');
  });

  it('switched off, the modifier is unknown and the head keeps its own reading', () => {
    const off = read('a noodle centre at night', ['compoundPlaces']);
    expect(off.narrative.settings).not.toContain('noodle centre');
    expect(off.spans.find((s) => s.text === 'centre')?.domain).toBe('direction');
  });
});

describe('growth from world knowledge', () => {
  it('a named place is learned as its class; an open compound from a minor place sense stays below the floor', () => {
    const learned = interpret('the Taj Mahal at dawn, then a noodle centre').learned;
    expect(learned).toEqual([expect.objectContaining({ span: 'taj mahal', canonical: 'mausoleum', domain: 'setting', source: 'learned' })]);
  });
});

describe('dialect senses: a regional sense where the prompt shows its region', () => {
  it('a marker or another regional word shows the region: the regional sense, variant dialect with its region, via dialect', () => {
    expect(read('wee burn runnin doon the hill').narrative.settings).toContain('river');
    expect(span('wee burn runnin doon the hill', 'burn')).toMatchObject({ domain: 'setting', canonical: 'river', variant: 'dialect', dialect: 'scottish', via: 'dialect' });
    expect(read('sweet as, the dairy on the corner').narrative.settings).toEqual(['dairy', 'shop', 'corner']);
    expect(read('the compound at night, abeg no movement').narrative.settings).toContain('house');
  });

  it('without the region shown, a standard word keeps its standard reading', () => {
    expect(read('a dairy on the corner at night').narrative.settings).toEqual(['dairy', 'farm', 'corner', 'night']);
    expect(read('a burn on my arm').narrative.settings).toEqual([]);
    expect(read('a chemical compound at night').narrative.settings).toEqual(['night']);
  });

  it('a word no standard dictionary has is read by its regional sense anywhere', () => {
    expect(read('kopitiam in the morning').narrative.settings).toContain('cafe');
  });

  it('switched off, the regional senses are gone', () => {
    expect(read('wee burn runnin doon the hill', ['dialect']).narrative.settings).not.toContain('river');
    expect(read('kopitiam in the morning', ['dialect']).narrative.settings).not.toContain('cafe');
  });
});
