// #14 round 10, events as settings (read-event-settings.ts, switch `events`, table from scripts/reduce-wordnet-events.mjs):
// invented prompts (none from the human-written sets), where an event noun is the scene's setting and where it is not.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';
import { isEventNoun } from '../../src/core/language/read-event-settings.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const settings = (p: string, off: Mechanism[] = []) => read(p, off).narrative.settings;
const span = (p: string, text: string) => read(p).spans.find((s) => s.text === text);

describe('the WordNet event table', () => {
  it('holds occasions, contests, celebrations and processions, not films or groups of people', () => {
    for (const w of ['wedding', 'funeral', 'party', 'race', 'regatta', 'tournament', 'carnival', 'parade', 'concert', 'fundraiser', 'fish fry']) expect(isEventNoun(w), w).toBe(true);
    for (const w of ['movie', 'documentary', 'western', 'crowd', 'audience', 'market', 'street', 'number']) expect(isEventNoun(w), w).toBe(false);
  });
});

describe('an event noun where a place stands is a setting', () => {
  it('after a preposition of place or time, a determiner between or not', () => {
    expect(settings('kids running about at a wedding, fairy lights, slow pan left')).toContain('wedding');
    expect(span('folk milling about at a fundraiser, warm light, slow pan left', 'fundraiser')).toMatchObject({ domain: 'setting', canonical: 'fundraiser', via: 'event' });
    expect(settings('confetti everywhere during the parade, handheld')).toContain('parade');
    // Nigerian English puts the scene "for" a place or an occasion.
    expect(settings('small pikin dey dance for party, drums loud')).toContain('party');
  });

  it('opening its clause, with the nouns that name which one', () => {
    expect(settings('harvest festival at dusk, lanterns, camera glides right')).toEqual(expect.arrayContaining(['harvest festival', 'festival', 'dusk']));
    // A compound WordNet lists is one event.
    expect(settings('boat race at dawn, oars splashing')).toEqual(expect.arrayContaining(['boat race', 'dawn']));
  });

  it('a word with a reading of its own keeps it and says the setting in implies', () => {
    const s = span('carnival on a Tuesday, steel pans going', 'carnival');
    expect(s?.domain).not.toBe('setting');
    expect(s?.implies?.['setting']).toBe('carnival');
    expect(settings('carnival on a Tuesday, steel pans going')).toContain('carnival');
  });
});

describe('where an event noun is no setting', () => {
  it('a group or a people ("of"), a verb, an object of a verb', () => {
    expect(settings('a party of walkers on the ridge, windy')).not.toContain('party');
    expect(settings('race to the finish, camera shaky')).not.toContain('race');
    expect(settings('the camera follows the race from above')).not.toContain('race');
  });

  it('switched off, no event settings', () => {
    expect(settings('kids running about at a wedding, fairy lights, slow pan left', ['events'])).not.toContain('wedding');
  });
});

describe('an event word that does not head its noun phrase is no setting', () => {
  it('a modifier of the noun after it, or of a hyphened word', () => {
    expect(settings('a candlelit dinner table by the window, slow push in')).not.toContain('dinner');
    expect(settings('a match cut in the opening scene, then black')).not.toContain('match');
    expect(settings('a fair-haired girl on a swing, soft light')).not.toContain('fair');
  });

  it('an adjective, adverb or verb by its tags', () => {
    expect(settings('slow zoom in fair weather, hills far off')).not.toContain('fair');
    expect(settings('hold on the actor in the final shot, no music')).not.toContain('final');
    expect(settings('a clip for social media, bright colours')).not.toContain('social');
  });

  it('opening its clause, only when the clause ends or a place or time phrase follows', () => {
    expect(settings('dark cellar, a single match is lit, shadows jump')).not.toContain('match');
    expect(settings('street fair on a Sunday, bunting, slow pan right')).toContain('fair');
    expect(settings('festival blue hour, everyone dancing')).toContain('festival');
  });
});
