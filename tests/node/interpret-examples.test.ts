// Every case of the shared example prompts (tests/node/data/prompts.json, a copy of ../shared/examples)
// interpreted and checked field by field with the examples' own `expect` mini-language.
import { describe, expect, it } from 'vitest';
import { checkExpect } from '../helpers/check-expect.ts';
import { interpret } from '../../src/core/language/interpret.ts';
import data from './data/prompts.json';

interface Case {
  prompt: string;
  expect: Record<string, unknown>;
}

const cases = (data as unknown as { cases: Case[] }).cases;

describe('interpret: the example prompts', () => {
  it('has the example cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });
  for (const c of cases) {
    it(c.prompt, () => {
      const { instruction } = interpret(c.prompt);
      expect(instruction.schema).toBe('instruction/1');
      expect(checkExpect(instruction, c.expect)).toEqual([]);
    });
  }
});
