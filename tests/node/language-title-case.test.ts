// Title case is judged once (title-case.ts) for every pass that reads capitals as names, and a sentence's first word,
// capitalised by grammar, does not count: a short, normally written prompt with a two-word name keeps the name.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { isTitleCase } from '../../src/core/language/title-case.ts';
import { lowerWord, wordRanges, type Token } from '../../src/core/language/tokenize.ts';

/** The prompt's words as tokens, and the text before each (as the interpreter's state keeps them). */
const titleCase = (p: string) => {
  const words = wordRanges(p);
  const tokens = words.map((w) => ({ ...w, lower: lowerWord(w.text) }) as Token);
  const gaps = words.map((w, k) => p.slice(k === 0 ? 0 : words[k - 1]!.end, w.start));
  return isTitleCase(tokens, gaps);
};
const settings = (p: string) => interpret(p).instruction.narrative.settings;

describe('isTitleCase', () => {
  it('leaves out each sentence\'s first word', () => {
    expect(titleCase('We walked to Eden Park')).toBe(false);
    expect(titleCase('Rain all day. We sheltered at Orchard Bay')).toBe(false);
    expect(titleCase('A Slow Pan Over The Forest At Night')).toBe(true);
    expect(titleCase('HUGE STORM OVER THE HARBOUR')).toBe(true);
    expect(titleCase('slow pan over the forest')).toBe(false);
  });

  it('capitals in one run apart from the first word are one name, not a title (round 11)', () => {
    expect(titleCase('Mist at Orchard Bay')).toBe(false);
    expect(titleCase('Misty Forest at Dawn with a Slow Pan')).toBe(true);
    expect(titleCase('Sunset Over Green Park')).toBe(true);
    expect(titleCase('LOW FOG')).toBe(true);
  });
});

describe('a two-word name in a sentence-case prompt', () => {
  it('is read as the name, not as a slip to correct or a title-case word', () => {
    expect(settings('We walked to Eden Park')).toContain('eden park');
    expect(settings('Kids playing in Milford Park')).toContain('milford park');
    expect(settings('Mist at Orchard Bay')).toContain('orchard bay');
  });
  it('title case still marks no names', () => {
    expect(settings('Sunset Over Green Park')).not.toContain('green park');
  });
});
