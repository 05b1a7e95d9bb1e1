// The fast path gives the same interpretations as the reference path: tokens tagged by compromise on demand
// (only the clauses a pass asks about) against every token tagged up front (`eagerTags`, the interpreter before
// the speed work), compared as JSON over the human-written set, the example prompts, the 6,000 round-trip seeds
// and 3,000 seeded fuzz prompts.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { examplePrompts, fuzzPrompts, generatedPrompts, humanPrompts, roundSevenPrompts } from '../helpers/identity-prompts.ts';

/** The prompts whose interpretation differs between the two paths (at most `keep` of them, with the count). */
function differences(prompts: readonly string[], keep = 5): { count: number; first: string[] } {
  let count = 0;
  const first: string[] = [];
  for (const p of prompts) {
    const fast = JSON.stringify(interpret(p));
    const reference = JSON.stringify(interpret(p, { eagerTags: true }));
    if (fast === reference) continue;
    count++;
    if (first.length < keep) first.push(p);
  }
  return { count, first };
}

describe('interpretation identity: on-demand tagging against tagging every token up front', () => {
  it('the human-written prompts and the example prompts', () => {
    const prompts = [...humanPrompts(), ...roundSevenPrompts(), ...examplePrompts()];
    expect(prompts.length).toBeGreaterThan(300);
    expect(differences(prompts)).toEqual({ count: 0, first: [] });
  });

  it('6,000 generated prompts (the round-trip seeds)', { timeout: 600_000 }, () => {
    expect(differences(generatedPrompts(6000))).toEqual({ count: 0, first: [] });
  });

  it('3,000 seeded fuzz prompts', { timeout: 600_000 }, () => {
    expect(differences(fuzzPrompts(3000))).toEqual({ count: 0, first: [] });
  });

  it('with learned entries and a mechanism switched off, the same', () => {
    const learned = [{ span: 'zonk', canonical: 'high', domain: 'intensity' as const, variant: 'slang' as const, source: 'learned' as const }];
    for (const p of [...humanPrompts().slice(0, 80), 'zonk fast pan left', 'the pan sizzles on a stove, zonk gloomy']) {
      for (const off of [[], ['syntax'], ['wordnet']] as const) {
        expect(JSON.stringify(interpret(p, { learned, off }))).toBe(JSON.stringify(interpret(p, { learned, off, eagerTags: true })));
      }
    }
  });
});
