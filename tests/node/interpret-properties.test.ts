// Properties of every interpretation: each word of the prompt is in exactly one span or in unknown[],
// offsets match the text, values are canonical; and a fuzz over random and adversarial strings never
// crashes (a valid instruction/1, or PromptTooLongError over 10 000 characters).
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { interpret, MAX_PROMPT_CHARS, PromptTooLongError } from '../../src/core/language/interpret.ts';
import type { Instruction } from '../../src/core/language/instruction.ts';
import { builtInLexicon } from '../../src/core/language/lexicon.ts';
import { wordRanges } from '../../src/core/language/tokenize.ts';
import { CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, PLOTS, PRESENCE_LEVELS, SOUND_MOODS, SOUND_PRIMITIVES, TEMPO_LABELS } from '../../src/core/vocab/index.ts';
import data from './data/prompts.json';

const VARIANTS = ['standard', 'synonym', 'spelling', 'dialect', 'slang'];

/** Every structural rule of instruction/1 the interpreter promises; returns the broken ones. */
function problems(prompt: string, x: Instruction): string[] {
  const out: string[] = [];
  const bad = (m: string) => out.push(m);
  if (x.schema !== 'instruction/1') bad('schema');
  if (x.prompt !== prompt) bad('prompt not kept');
  const inVocab = (v: unknown, list: readonly string[], name: string) => {
    if (v !== null && !list.includes(v as string)) bad(`${name} ${String(v)} not canonical`);
  };
  for (const c of x.palette.primitives) inVocab(c, COLOR_PRIMITIVE_NAMES, 'colour');
  inVocab(x.motion.level, MOTION_LEVELS, 'motion');
  inVocab(x.camera.move, CAMERA_MOVES, 'camera');
  inVocab(x.gradient.type, GRADIENT_TYPES, 'gradient');
  inVocab(x.lighting, LIGHTING_TYPES, 'lighting');
  for (const p of x.sound.primitives) inVocab(p, SOUND_PRIMITIVES, 'sound');
  inVocab(x.sound.tempo, TEMPO_LABELS, 'tempo');
  inVocab(x.sound.mood, SOUND_MOODS, 'sound mood');
  inVocab(x.sound.presence, PRESENCE_LEVELS, 'presence');
  inVocab(x.narrative.plot, PLOTS, 'plot');
  for (const v of [x.sound.bpm, x.sound.tone_hz, x.duration_s]) if (v !== null && !(Number.isFinite(v) && v > 0)) bad(`number ${v}`);
  // Spans and unknown words: offsets match the text, no overlaps, and together they hold every word.
  const pieces = [...x.spans.map((s) => ({ ...s, kind: 'span' })), ...x.unknown.map((u) => ({ ...u, kind: 'unknown' }))].sort((a, b) => a.start - b.start);
  let last = 0;
  for (const p of pieces) {
    if (prompt.slice(p.start, p.end) !== p.text) bad(`offsets of "${p.text}" do not match`);
    if (p.start < last) bad(`"${p.text}" overlaps the piece before it`);
    if (p.end <= p.start) bad(`empty piece at ${p.start}`);
    last = Math.max(last, p.end);
  }
  for (const s of x.spans) {
    if (!s.domain || !s.canonical) bad(`span "${s.text}" has no domain or canonical`);
    if (!VARIANTS.includes(s.variant)) bad(`span "${s.text}" variant ${s.variant}`);
  }
  for (const w of wordRanges(prompt)) {
    if (!pieces.some((p) => p.start <= w.start && w.end <= p.end)) bad(`word "${w.text}" at ${w.start} is in no span and not unknown`);
  }
  for (const u of x.unknown) if (!wordRanges(u.text).length) bad(`unknown "${u.text}" is not a word`);
  return out;
}

/** Prompts made of lexicon spans, English filler and invented words, with random punctuation. */
function randomPrompt(rng: () => number, vocab: readonly string[]): string {
  const filler = ['the', 'a', 'and', 'with', 'over', 'in', 'on', 'not', 'no', 'very', 'so', "ain't", 'is', 'it', 'to', 'from', 'of', 'at', 'then'];
  const seps = [' ', ' ', ' ', ', ', '. ', ' - ', '! ', '; ', '  ', '\n', ' / '];
  const n = 1 + Math.floor(rng() * 14);
  let s = '';
  for (let k = 0; k < n; k++) {
    const r = rng();
    const w = r < 0.55 ? vocab[Math.floor(rng() * vocab.length)]! : r < 0.8 ? filler[Math.floor(rng() * filler.length)]! : r < 0.9 ? String(Math.floor(rng() * 2000)) : String(Math.floor(rng() * 1e9)).slice(0, 3 + Math.floor(rng() * 4)).replace(/\d/g, (d) => 'zqxjkvbpyg'[Number(d)]!);
    s += (k ? seps[Math.floor(rng() * seps.length)] : '') + (rng() < 0.1 ? w.toUpperCase() : w);
  }
  return s;
}

describe('interpretation properties', () => {
  const vocab = [...new Set(builtInLexicon().map((e) => e.span))];

  it('the example prompts: every word accounted for, offsets exact, values canonical', () => {
    for (const c of (data as unknown as { cases: { prompt: string }[] }).cases) expect(problems(c.prompt, interpret(c.prompt).instruction), c.prompt).toEqual([]);
  });

  it('3,000 random prompts from the lexicon: the same properties', () => {
    const rng = seedrandom('interpret-properties');
    let words = 0;
    let spanned = 0;
    for (let i = 0; i < 3000; i++) {
      const p = randomPrompt(rng, vocab);
      const x = interpret(p).instruction;
      expect(problems(p, x), p).toEqual([]);
      words += wordRanges(p).length;
      spanned += x.spans.length;
    }
    expect(words).toBeGreaterThan(15_000);
    expect(spanned).toBeGreaterThan(5_000);
  });

  it('a learned entry is understood and its word leaves unknown[]', () => {
    const rng = seedrandom('learned-props');
    const first = interpret('blorp fast zoom in on the city');
    expect(first.learned).toEqual([{ span: 'blorp', canonical: 'high', domain: 'intensity', variant: 'slang', source: 'learned' }]);
    for (let i = 0; i < 200; i++) {
      const p = `${randomPrompt(rng, vocab)} blorp ${randomPrompt(rng, vocab)}`;
      const x = interpret(p, { learned: first.learned }).instruction;
      expect(problems(p, x), p).toEqual([]);
      expect(x.unknown.some((u) => u.text.toLowerCase() === 'blorp'), p).toBe(false);
    }
  });
});

describe('interpretation fuzz', () => {
  const rng = seedrandom('interpret-fuzz');
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const chars = (n: number, lo: number, hi: number) => Array.from({ length: n }, () => String.fromCodePoint(lo + Math.floor(rng() * (hi - lo)))).join('');

  const adversarial: string[] = [
    '', ' ', '\n\n\t', '.', ',,,,', "'", "''''", "in'", '-', '—', '0', '00000000000000000000000000000', '1e309 bpm', '-5 bpm', '0 hz',
    '99999999999999999999 hertz', 'NaN seconds', 'Infinity bpm', '1,000,000 bpm', '3.14.15 hz', 'bpm bpm bpm', 'hz', 'a bpm', 'no no no no no',
    'not not moving', 'pan pan pan pan', 'left right up down in out', 'zoom', '🔥', '🔥🔥🔥', '🏳️‍🌈👩‍👩‍👧', '😀 pan left 😀', 'ｐａｎ ｌｅｆｔ',
    'ПАН ЛЕВО', 'ночной город', '東京の夜景、ゆっくりズーム', 'مدينة في الليل', 'שלום', 'पैन बाएँ', 'ça glisse à gauche, très lent',
    'Ünïcödé çölör', '\u0000\u0001\u0002\u0003', '\u200b\u200bpan\u200bleft', '\ufeffpan left', 'pan\u0000left', '\ud800\udc00\ud800', '\udfff lonely surrogate',
    '%PDF-1.4\n%âãÏÓ\n1 0 obj', '\x89PNG\r\n\x1a\n', 'MZ\x90\x00\x03', '<script>alert(1)</script>', '${process.exit(1)}', '__proto__ constructor prototype',
    'toString valueOf hasOwnProperty', 'constructor', 'a'.repeat(5000), 'pan '.repeat(2499), 'red, '.repeat(1999), "ain't ".repeat(1400), '(((((((((((', 'zoom in'.padEnd(9999, '!'),
  ];

  it(`${adversarial.length} adversarial strings: a valid instruction or a named error`, () => {
    for (const p of adversarial) {
      const r = interpret(p);
      expect(problems(p, r.instruction), JSON.stringify(p.slice(0, 60))).toEqual([]);
      expect(JSON.parse(JSON.stringify(r.instruction))).toEqual(r.instruction);
    }
  });

  it('over 10 000 characters: PromptTooLongError, named, with the length', () => {
    for (const n of [MAX_PROMPT_CHARS + 1, 50_000]) {
      const p = 'slow pan left '.repeat(Math.ceil(n / 14)).slice(0, n);
      let err: unknown;
      try {
        interpret(p);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PromptTooLongError);
      expect((err as Error).name).toBe('PromptTooLongError');
      expect((err as PromptTooLongError).length).toBe(n);
    }
    expect(() => interpret('x'.repeat(MAX_PROMPT_CHARS))).not.toThrow();
  });

  it('non-strings: TypeError', () => {
    for (const v of [null, undefined, 42, {}, ['pan left']]) expect(() => interpret(v as unknown as string)).toThrow(TypeError);
  });

  const FUZZ = 2000;
  it(`${FUZZ} random strings (bytes, Unicode blocks, mixed words and symbols): never a crash`, () => {
    const blocks: [number, number][] = [[0, 128], [0, 256], [0x370, 0x3ff], [0x400, 0x4ff], [0x600, 0x6ff], [0x3040, 0x30ff], [0x4e00, 0x4fff], [0x1f300, 0x1f6ff], [0xd800, 0xdfff], [0xfe00, 0xfe0f]];
    const words = ['pan', 'left', 'no', "ain't", 'red', 'bpm', '440', 'hz', 'proper', 'mint', 'crane', 'slow', 'the', 'in', 'out', 'wicked', 'fire', 'static'];
    for (let i = 0; i < FUZZ; i++) {
      const mode = i % 3;
      let p: string;
      if (mode === 0) p = chars(Math.floor(rng() * 200), ...pick(blocks));
      else if (mode === 1) p = Array.from({ length: 1 + Math.floor(rng() * 30) }, () => (rng() < 0.6 ? pick(words) : chars(1 + Math.floor(rng() * 4), ...pick(blocks)))).join(pick([' ', '', "'", '-', ', ', '\u0000']));
      else p = chars(Math.floor(rng() * 60), 0, 0x110000 - 1).replace(/[\ud800-\udfff]/g, (m) => (rng() < 0.5 ? m : ''));
      const x = interpret(p).instruction;
      expect(problems(p, x), JSON.stringify(p)).toEqual([]);
    }
  });
});
