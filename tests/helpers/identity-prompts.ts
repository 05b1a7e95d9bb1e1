// The prompts the tagger's identity check runs over (tests/node/interpret-identity.test.ts, the benchmark):
// the human-written evaluation set, the example prompts, 6,000 generated prompts (the round trip's seeds) and
// seeded fuzz prompts (lexicon words, English filler, invented words, numbers, odd punctuation and Unicode).
import seedrandom from 'seedrandom';
import { generate } from '../../src/core/language/generate-prompt.ts';
import { builtInLexicon } from '../../src/core/language/lexicon.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import dev2 from '../node/data/human-prompts/dev-2.json';
import dev3 from '../node/data/human-prompts/dev-3.json';
import dev4 from '../node/data/human-prompts/dev-4.json';
import dev5 from '../node/data/human-prompts/dev-5.json';
import dev from '../node/data/human-prompts/dev.json';
import heldBack2 from '../node/data/human-prompts/held-back-2.json';
import heldBack3 from '../node/data/human-prompts/held-back-3.json';
import heldBack4 from '../node/data/human-prompts/held-back-4.json';
import heldBack5 from '../node/data/human-prompts/held-back-5.json';
import heldBack from '../node/data/human-prompts/held-back.json';
import examples from '../node/data/prompts.json';

type Cases = { cases: { prompt: string }[] };

/** The human-written prompts (dev, held-back, then their second and third slices), in file order. */
export function humanPrompts(): string[] {
  return [dev, heldBack, dev2, heldBack2, dev3, heldBack3, dev4, heldBack4].flatMap((part) => (part as unknown as Cases).cases.map((c) => c.prompt));
}

/**
 * Round 7's human-written slices (dev-5, held-back-5), apart from humanPrompts so the benchmark's unseen-prompt figure
 * stays over the same 814 prompts from round to round; the identity and cache tests read both lists.
 */
export function roundSevenPrompts(): string[] {
  return [dev5, heldBack5].flatMap((part) => (part as unknown as Cases).cases.map((c) => c.prompt));
}

/** The example prompts of tests/node/data/prompts.json. */
export function examplePrompts(): string[] {
  return (examples as unknown as Cases).cases.map((c) => c.prompt);
}

/** `n` generated prompts, seeds `round-trip:0…` as the round-trip test draws them (primitive knowledge). */
export function generatedPrompts(n: number, prefix = 'round-trip'): string[] {
  const knowledge = primitiveKnowledge();
  return Array.from({ length: n }, (_, i) => generate(`${prefix}:${i}`, knowledge).prompt);
}

/** `n` seeded fuzz prompts: lexicon spans, filler, invented words and numbers with random punctuation and case, and random Unicode. */
export function fuzzPrompts(n: number, seed = 'identity-fuzz'): string[] {
  const rng = seedrandom(seed);
  const vocab = [...new Set(builtInLexicon().map((e) => e.span))];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  const filler = ['the', 'a', 'and', 'with', 'over', 'in', 'on', 'not', 'no', 'very', 'so', "ain't", 'is', 'it', 'to', 'from', 'of', 'at', 'then', 'like', 'that', 'was', 'has', 'been', 'do', 'will', 'up', 'as', 'Paris', 'they', 'we'];
  const seps = [' ', ' ', ' ', ', ', '. ', ' - ', '! ', '; ', '  ', '\n', ' / ', "'", '? ', ': '];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 9) {
      // Random code points (lone surrogates dropped half the time).
      out.push(Array.from({ length: Math.floor(rng() * 60) }, () => String.fromCodePoint(Math.floor(rng() * 0x10ffff))).join('').replace(/[\ud800-\udfff]/g, (m) => (rng() < 0.5 ? m : '')));
      continue;
    }
    const words = 1 + Math.floor(rng() * 14);
    let s = '';
    for (let k = 0; k < words; k++) {
      const r = rng();
      let w = r < 0.55 ? pick(vocab) : r < 0.8 ? pick(filler) : r < 0.9 ? String(Math.floor(rng() * 2000)) : String(Math.floor(rng() * 1e9)).slice(0, 3 + Math.floor(rng() * 4)).replace(/\d/g, (d) => 'zqxjkvbpyg'[Number(d)] ?? 'z');
      const caseDraw = rng();
      if (caseDraw < 0.1) w = w.toUpperCase();
      else if (caseDraw < 0.2) w = w.charAt(0).toUpperCase() + w.slice(1);
      s += (k ? pick(seps) : '') + w;
    }
    out.push(s);
  }
  return out;
}
