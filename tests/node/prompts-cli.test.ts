// `motion-registries prompts`: JSON Lines of procedural prompts, each with its interpretation agreeing
// with the fields it was written to express; deterministic from --seed; bad counts exit 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { generate } from '../../src/core/language/generate-prompt.ts';
import type { Instruction } from '../../src/core/language/instruction.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'prompts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

describe('motion-registries prompts', () => {
  it('prints N different prompts as JSON Lines, the same for the same seed, each interpreted', () => {
    const a = run(['--count', '40', '--seed', 'cli']);
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l) as { prompt: string; instruction: Instruction; expressed: string[] });
    expect(lines).toHaveLength(40);
    expect(new Set(lines.map((l) => l.prompt)).size).toBe(40);
    // The library, given the same seed, writes the same prompts and means the same values.
    lines.forEach((l, i) => {
      const g = generate(`cli:${i}`, primitiveKnowledge(), new Set(lines.slice(0, i).map((x) => x.prompt)));
      expect(l.prompt).toBe(g.prompt);
      expect(l.instruction.prompt).toBe(l.prompt);
      expect(l.expressed).toEqual(g.expressed);
      if (g.expressed.includes('camera.move')) expect(l.instruction.camera.move).toBe(g.intended.camera.move);
    });
    expect(run(['--count', '40', '--seed', 'cli']).stdout).toBe(a.stdout);
    expect(run(['--count', '40', '--seed', 'other']).stdout).not.toBe(a.stdout);
  });

  it('without --seed picks one and says which on stderr, so the run can be replayed', () => {
    const r = run(['--count', '3']);
    expect(r.code).toBe(0);
    const seed = /^seed (\S+)$/m.exec(r.stderr)?.[1];
    expect(seed).toBeTruthy();
    expect(run(['--count', '3', '--seed', seed!]).stdout).toBe(r.stdout);
  });

  it.each([[['--count', '0']], [['--count', '-3']], [['--count', 'ten']], [['--count', '2.5']], [[]], [['--count', '2', '--bogus']]])('%j is a usage error (exit 2, nothing on stdout)', (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/count|unknown option/);
  });
});
