// `motion-registries interpret`: the instruction JSON on stdout, and clear exit codes for empty, huge,
// emoji-only, non-English and binary-looking input.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Instruction } from '../../src/core/language/instruction.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'interpret', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

describe('motion-registries interpret', () => {
  it('prints the same instruction the library gives', () => {
    const prompt = "proper gloomy forest at night, camera creepin' left";
    const r = run([prompt]);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Instruction;
    expect(got).toEqual(interpret(prompt).instruction);
    expect(got.camera.move).toBe('pan_left');
    expect(got.narrative.settings).toContain('forest');
  });

  it('reads the prompt from stdin with -, and --full adds the used mappings', () => {
    const r = run(['-', '--full', '--compact'], 'grey arvo by the sea, dead calm\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const full = JSON.parse(r.stdout) as { instruction: Instruction; used: { entry: { span: string; variant: string } }[] };
    expect(full.instruction.prompt).toBe('grey arvo by the sea, dead calm');
    expect(full.instruction.palette.primitives).toContain('gray');
    expect(full.used.some((u) => u.entry.span === 'arvo' && u.entry.variant === 'dialect')).toBe(true);
  });

  it('uses learned mappings from --learned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mr-interpret-'));
    const file = join(dir, 'learned.json');
    const first = interpret('zoink fast pan left');
    expect(first.learned.map((e) => e.span)).toContain('zoink');
    writeFileSync(file, JSON.stringify(first.learned));
    const r = run(['zoink slow', '--learned', file, '--compact']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Instruction;
    expect(got.spans.find((s) => s.text === 'zoink')?.domain).toBe('intensity');
    expect(got.unknown).toEqual([]);
  });

  it('empty or blank prompt: exit 2 with a message, nothing on stdout', () => {
    for (const p of ['', '   \n\t']) {
      const r = run([p]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/empty/);
    }
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give the prompt/);
  });

  it('over 10 000 characters: exit 1 with the limit named (from stdin, too)', () => {
    const huge = 'slow pan left over a red sea. '.repeat(400);
    expect(huge.length).toBeGreaterThan(10_000);
    for (const r of [run([huge]), run(['-'], huge)]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/10000/);
    }
  });

  it('emoji-only, non-English and binary-looking input: exit 0 and a valid instruction', () => {
    for (const p of ['🔥🔥🌊🌊', 'ночной город под дождём', '東京の夜景', '\u0001\u0002\u00ff\ufffd\u007f%PDF-1.4', 'рыба pan left']) {
      const r = run([p, '--compact']);
      expect(r.code, p).toBe(0);
      const got = JSON.parse(r.stdout) as Instruction;
      expect(got.schema).toBe('instruction/1');
      expect(got.prompt).toBe(p);
    }
    const mixed = JSON.parse(run(['рыба pan left']).stdout) as Instruction;
    expect(mixed.camera.move).toBe('pan_left');
    expect(mixed.unknown.map((u) => u.text)).toEqual(['рыба']);
  });

  it('bad options: exit 2', () => {
    expect(run(['x', '--bogus']).code).toBe(2);
    expect(run(['two', 'words']).code).toBe(2);
  });
});
