// The interpreter's caches (lookup forms kept per written word and shared by its tokens, compromise's tags per clause)
// change no output: every prompt read with the forms made afresh for each token and the clause tags emptied before it
// reads the same as with the caches on and full of other prompts' words and clauses (speed work, #14 item 6; the full
// check over 6,642 interpretations is scripts/snapshot-interpret.mjs).
import { afterAll, describe, expect, it } from 'vitest';
import { keepWordForms } from '../../src/core/language/build-tokens.ts';
import { interpret } from '../../src/core/language/interpret.ts';
import { clearTagCache } from '../../src/core/language/morphology.ts';
import { fuzzPrompts, generatedPrompts, humanPrompts, roundSevenPrompts } from '../helpers/identity-prompts.ts';

afterAll(() => keepWordForms(true));

describe('interpretation caches', () => {
  it('a prompt read with no cache and read with the caches full gives the same interpretation', { timeout: 60_000 }, () => {
    // The human prompts, generated and fuzz prompts, and words that share a written form in other cases.
    const prompts = [...humanPrompts(), ...roundSevenPrompts(), ...generatedPrompts(150, 'caches'), ...fuzzPrompts(300, 'caches'), 'The PAN sizzles', 'the pan sizzles', "creepin' slooow left", 'Creepin slooow LEFT'];
    keepWordForms(false);
    const uncached = prompts.map((p) => {
      clearTagCache();
      return JSON.stringify(interpret(p));
    });
    keepWordForms(true);
    for (const p of prompts) interpret(p);
    const cached = prompts.map((p) => JSON.stringify(interpret(p)));
    const differing = prompts.filter((_, k) => uncached[k] !== cached[k]);
    expect(prompts.length).toBeGreaterThan(1000);
    expect(differing).toEqual([]);
  });
});
