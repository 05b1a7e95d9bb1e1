// The human-written evaluation set's dev parts (tests/node/data/human-prompts/dev.json, round 3's dev-2.json and round
// 4's dev-3.json, round 6's dev-4.json) score at least the documented floor (docs/interpretation.md). The held-back parts
// (held-back.json, held-back-2.json, held-back-3.json, held-back-4.json, held-back-5.json, held-back-6.json, held-back-7.json, held-back-8.json; validation-9.json) are scored only by `npm run bench interpret`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { scoreHuman, type HumanCase } from '../helpers/human-prompts.ts';

/** The documented floor for the dev part: share of field checks that hold. */
const DEV_FLOOR = 0.95;
/** Round 6's dev-4 slice has its own documented floor: it is at 92.8 % after round 6 (88.8 % before), 97.0 % in session 10. */
/** Round 7's dev-5 slice: 76.7 % before round 7, 91.0 % in session 10; its floor is below the 95 % aim, as dev-4's. */
const FLOORS: Record<string, number> = { 'dev-4': 0.95, 'dev-5': 0.88 };
const load = (part: string) => (JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'human-prompts', `${part}.json`), 'utf8')) as { cases: HumanCase[] }).cases;

describe('human-written prompts (dev part)', () => {
  it.each(['dev', 'dev-2', 'dev-3', 'dev-4', 'dev-5'])(`%s scores at least its floor (${DEV_FLOOR * 100} %, dev-4 95 %, dev-5 88 %) of field checks`, (part) => {
    const cases = load(part);
    const s = scoreHuman(cases, (p) => interpret(p));
    for (const f of s.failures) console.log(`  [${f.dialect}] ${f.prompt} :: ${f.fail}`);
    console.log(`${part}: ${s.passed}/${s.checks} checks (${((100 * s.passed) / s.checks).toFixed(1)} %), ${s.cases} prompts`);
    expect(s.passed / s.checks).toBeGreaterThanOrEqual(FLOORS[part] ?? DEV_FLOOR);
  });

  it('together with the held-back parts: at least 300 prompts, every dialect group present, no prompt twice', () => {
    const all = [...load('dev'), ...load('held-back'), ...load('dev-2'), ...load('held-back-2'), ...load('dev-3'), ...load('held-back-3'), ...load('dev-4'), ...load('held-back-4'), ...load('dev-5'), ...load('held-back-5'), ...load('held-back-6'), ...load('held-back-7'), ...load('held-back-8'), ...load('validation-9')];
    expect(all.length).toBeGreaterThanOrEqual(800);
    const dialects = new Set(all.map((c) => c.dialect));
    for (const d of ['british', 'scottish', 'irish', 'australian', 'nz', 'us_south', 'aave', 'indian', 'nigerian', 'caribbean', 'singapore', 'genz', 'typos', 'plain']) expect(dialects.has(d)).toBe(true);
    expect(new Set(all.map((c) => c.prompt)).size).toBe(all.length);
    for (const c of all) expect(Object.keys(c.expect).length).toBeGreaterThan(0);
  });
});
