// Every character run is accounted for (#17.7): numbers in any script are read, emoji and flags are reported,
// and a seeded random-prompt fuzz (fast-check) checks that every token that is not whitespace, punctuation, a
// control character or an ASCII symbol lies in a span or in `unknown`, and that nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { numeralValue } from '../../src/core/language/numerals.ts';

describe('numbers in any script', () => {
  it.each([
    ['٣', 3], ['١٢', 12], ['१२', 12], ['３', 3], ['𝟕', 7], ['২.৫', 2.5], ['½', 0.5], ['2½', 2.5], ['¾', 0.75], ['²', 2], ['10²', 100],
    ['Ⅻ', 12], ['ⅳ', 4], ['XII', 12], ['XIV', 14], ['MCMXC', 1990], ['2,5', 2.5],
  ])('%s reads as %d', (text, value) => {
    expect(numeralValue(text)).toBe(value);
  });

  it.each(['MIX', 'I', 'V', 'abc', 'IIII', ''])('%s is not a number', (text) => {
    expect(numeralValue(text)).toBe(null);
  });

  it('"red for ٥ seconds 🇺🇸": duration 5, the flag unknown', () => {
    const i = interpret('red for ٥ seconds 🇺🇸').instruction;
    expect(i.duration_s).toBe(5);
    expect(i.palette.primitives).toEqual(['red']);
    expect(i.unknown.map((u) => u.text)).toEqual(['🇺🇸']);
  });

  it.each([
    ['१२ seconds of blue', 'duration_s', 12],
    ['2½ minutes of rain', 'duration_s', 150],
    ['½ minute', 'duration_s', 30],
    ['Ⅻ seconds', 'duration_s', 12],
    ['XII seconds', 'duration_s', 12],
    ['drums at ١٢٠ bpm', 'bpm', 120],
  ] as const)('%s → %s %d', (prompt, field, value) => {
    const i = interpret(prompt).instruction;
    expect(field === 'bpm' ? i.sound.bpm : i.duration_s).toBe(value);
  });

  it('emoji, flags, keycaps and symbols are reported, never dropped', () => {
    const i = interpret('🏴󠁧󠁢󠁳󠁣󠁴󠁿 3️⃣ © ① → °').instruction;
    expect(i.unknown.map((u) => u.text)).toEqual(['🏴󠁧󠁢󠁳󠁣󠁴󠁿', '3️⃣', '©', '①', '→', '°']);
  });
});

/** Characters a prompt may hold without saying anything: whitespace, punctuation, controls, ASCII symbols. */
const SILENT = /[\s\p{P}\p{C}\p{Z}!-/:-@[-`{-~]/u;

/** Every code point of the prompt that says something lies inside a span or an unknown range. */
function unaccounted(prompt: string): string[] {
  const i = interpret(prompt).instruction;
  const covered = new Uint8Array(prompt.length);
  for (const r of [...i.spans, ...i.unknown]) {
    expect(prompt.slice(r.start, r.end)).toBe(r.text);
    for (let k = r.start; k < r.end; k++) covered[k] = 1;
  }
  const out: string[] = [];
  let k = 0;
  for (const ch of prompt) {
    if (!SILENT.test(ch) && !/^\p{M}$/u.test(ch) && !covered[k]) out.push(ch);
    k += ch.length;
  }
  return out;
}

const CHUNKS = [
  'red', 'slow', 'pan', 'left', 'zoom', 'night', 'castle', 'camrea', 'not', 'fast', 'hardly', 'any', 'sound', '٣', '१२', '½', '²', 'Ⅻ', 'XII', 'seconds', 'bpm',
  '🇺🇸', '🔥', '👍🏽', '👨‍👩‍👧', '3️⃣', '©', '°', '→', '∞', '①', '€', '¥', 'é', 'ñ', 'ß', 'Ж', '中文', 'عربى', 'हिन्दी', '\u0301', '\u200d', '\ufe0f', '\ud800',
  ' ', ' ', ', ', '. ', '-', "'", '’', '"', '(', ')', '!', '?', '\n', '\t', '|', '+', '$', '~', '0', '9', '10', '2.5', 'a',
];

describe('random prompts: every token accounted for, nothing throws', () => {
  it('1,500 seeded prompts from words, numerals, emoji, symbols, scripts and stray code units', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CHUNKS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 24 }), (parts) => {
        const prompt = parts.join('');
        expect(unaccounted(prompt)).toEqual([]);
      }),
      { seed: 20261206, numRuns: 1500 },
    );
  });
});
