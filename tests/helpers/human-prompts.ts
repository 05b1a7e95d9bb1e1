// The human-written evaluation set (tests/node/data/human-prompts): each case's field checks scored against
// the interpreter, for the floor test and the benchmark.
import { checkExpect } from './check-expect.ts';
import type { Interpretation } from '../../src/core/language/interpret.ts';

/** One prompt with its field expectations. */
export interface HumanCase {
  dialect: string;
  prompt: string;
  expect: Record<string, unknown>;
}

/** The score of a part: checks passed of checks made, and each failed check. */
export interface HumanScore {
  cases: number;
  checks: number;
  passed: number;
  failures: { dialect: string; prompt: string; fail: string }[];
}

/** Score cases with an interpreter: every expectation key is one check. */
export function scoreHuman(cases: readonly HumanCase[], run: (prompt: string) => Interpretation): HumanScore {
  let checks = 0;
  let passed = 0;
  const failures: HumanScore['failures'] = [];
  for (const c of cases) {
    const instruction = run(c.prompt).instruction;
    for (const [key, want] of Object.entries(c.expect)) {
      checks++;
      const fails = checkExpect(instruction, { [key]: want });
      if (fails.length === 0) passed++;
      else for (const fail of fails) failures.push({ dialect: c.dialect, prompt: c.prompt, fail });
    }
  }
  return { cases: cases.length, checks, passed, failures };
}
