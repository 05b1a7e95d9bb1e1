// The `expect` mini-language of tests/node/data/prompts.json: dotted paths into an instruction, each
// equal to a value, or {all|any|none|in: [...]}; span_domain / span_variant name a word of the prompt
// and the domain / variant its span must carry.
import type { Instruction } from '../../src/core/language/instruction.ts';

/** The value at a dotted path ("sound.tempo") of an instruction, or undefined. */
export function valueAt(instruction: Instruction, path: string): unknown {
  let v: unknown = instruction;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function spanFor(instruction: Instruction, word: string) {
  const w = word.toLowerCase();
  return instruction.spans.find((s) => s.text.toLowerCase() === w) ?? instruction.spans.find((s) => s.text.toLowerCase().split(/[\s-]+/).includes(w));
}

/** Every failed expectation, as a readable line; an empty list when all hold. */
export function checkExpect(instruction: Instruction, expect: Readonly<Record<string, unknown>>): string[] {
  const fails: string[] = [];
  for (const [path, want] of Object.entries(expect)) {
    if (path === 'span_domain' || path === 'span_variant') {
      const key = path === 'span_domain' ? 'domain' : 'variant';
      for (const [word, value] of Object.entries(want as Record<string, string>)) {
        const s = spanFor(instruction, word);
        if (!s) fails.push(`${path}.${word}: no span covers "${word}"`);
        else if (s[key] !== value) fails.push(`${path}.${word}: ${key} is ${JSON.stringify(s[key])}, want ${JSON.stringify(value)}`);
      }
      continue;
    }
    const got = valueAt(instruction, path);
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
      const w = want as { all?: unknown[]; any?: unknown[]; none?: unknown[]; in?: unknown[] };
      const list = Array.isArray(got) ? got : [got];
      if (w.all && !w.all.every((x) => list.includes(x))) fails.push(`${path}: ${JSON.stringify(got)} lacks one of ${JSON.stringify(w.all)}`);
      if (w.any && !w.any.some((x) => list.includes(x))) fails.push(`${path}: ${JSON.stringify(got)} has none of ${JSON.stringify(w.any)}`);
      if (w.none && w.none.some((x) => list.includes(x))) fails.push(`${path}: ${JSON.stringify(got)} has one of ${JSON.stringify(w.none)}`);
      if (w.in && !w.in.includes(got)) fails.push(`${path}: ${JSON.stringify(got)} not in ${JSON.stringify(w.in)}`);
    } else if (JSON.stringify(got) !== JSON.stringify(want)) fails.push(`${path}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  return fails;
}
