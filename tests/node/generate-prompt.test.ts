// Procedural prompts: every phrase of the data interprets to the value it is listed under; the round trip
// (generate → interpret) gives back every field the prompt expresses over thousands of seeds; prompts
// read as English (no template holes, "an" before vowels, every word understood); the knowledge steers
// what is asked for; the avoid set is honoured; the same seed gives the same prompt.
import { describe, expect, it } from 'vitest';
import { generate, generatePrompt, PromptSpaceExhaustedError, type ExpressedField } from '../../src/core/language/generate-prompt.ts';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Instruction } from '../../src/core/language/instruction.ts';
import type { Knowledge } from '../../src/core/vocab/knowledge.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import phrases from '../../src/core/language/data/prompt-phrases.json';

const P = phrases as unknown as Record<string, Record<string, string[]>>;
const read = (prompt: string) => interpret(prompt).instruction;
const field = (ins: Instruction, path: ExpressedField): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ins);

/** A registry that has grown: discovered tones and tempi, and many sightings of a few labels. */
function grownKnowledge(): Knowledge {
  const k = primitiveKnowledge();
  k.sounds.push({ name: 'C5 Tone', breakdown: { silence: 0, tone: 90, rumble: 10, hiss: 0 }, tone_hz: 523, origin: 'discovery', count: 12 });
  k.sounds.push({ name: 'Low Rumble', breakdown: { silence: 0, tone: 0, rumble: 80, hiss: 20 }, tone_hz: null, origin: 'discovery', count: 30 });
  k.tempo.push({ name: 'Tempo 97', canonical: 'medium', raw: { bpm: 97 }, origin: 'discovery', count: 4 });
  k.camera.push({ name: 'Slow Drift Left', canonical: 'pan_left', raw: { dx: -0.05 }, origin: 'discovery', count: 40 });
  k.colors.push({ name: 'Deep Teal', rgb: [0, 90, 90], primitive: 'teal', origin: 'discovery', count: 50 });
  return k;
}

/** Does the interpretation agree with what the prompt was written from, on one expressed field? */
function agrees(path: ExpressedField, want: unknown, got: unknown): boolean {
  if (!Array.isArray(want)) return want === got;
  // Narrative lists are open (a setting may bring a second one); the palette and sounds must match exactly.
  if (path.startsWith('narrative.')) return want.every((w) => (got as unknown[]).includes(w));
  return JSON.stringify([...want].sort()) === JSON.stringify([...(got as unknown[])].sort());
}

describe('generatePrompt', () => {
  it('every phrase of the data, on its own, interprets to the value it is listed under', () => {
    const wrong: string[] = [];
    const expect1 = (phrase: string, ok: boolean, got: unknown) => ok || wrong.push(`"${phrase}" → ${JSON.stringify(got)}`);
    for (const [v, ps] of Object.entries(P.colorWords!)) for (const p of ps) { const g = read(`all ${p}`).palette.primitives; expect1(p, g.length === 1 && g[0] === v, g); }
    const implies = P.cameraImplies as unknown as Record<string, string>;
    for (const [v, ps] of Object.entries(P.camera!)) for (const p of ps) { const g = read(p); expect1(p, g.camera.move === v && g.motion.level === (implies[p] ?? null), [g.camera.move, g.motion.level]); }
    for (const [v, ps] of Object.entries(P.motionOnly!)) for (const p of ps) expect1(p, read(p).motion.level === v, read(p).motion.level);
    for (const [v, ps] of Object.entries(P.gradient!)) for (const p of ps) { const g = read(p); expect1(p, g.gradient.type === v && g.palette.primitives.length === 0 && g.lighting === null, g.gradient); }
    for (const [v, ps] of Object.entries(P.lighting!)) for (const p of ps) { const g = read(p); expect1(p, g.lighting === v && g.palette.primitives.length === 0 && g.gradient.type === null, g.lighting); }
    for (const [v, ps] of Object.entries(P.sound!)) for (const p of ps) { const g = read(p).sound.primitives; expect1(p, g.length === 1 && g[0] === v, g); }
    for (const [v, ps] of Object.entries(P.tempo!)) for (const p of ps) { const g = read(p); expect1(p, g.sound.tempo === v && g.motion.level === null, g.sound.tempo); }
    for (const key of ['mood', 'genre', 'style'] as const) for (const [v, ps] of Object.entries(P[key]!)) for (const p of ps) expect1(p, read(p).narrative[key].includes(v), read(p).narrative[key]);
    for (const [v, ps] of Object.entries(P.setting!)) for (const p of ps) expect1(p, read(p).narrative.settings.includes(v), read(p).narrative.settings);
    for (const [v, ps] of Object.entries(P.scene_type!)) for (const p of ps) expect1(p, read(p).narrative.scene_type === v, read(p).narrative.scene_type);
    // Decorations carry no value and are all understood.
    for (const p of P.prefix as unknown as string[]) { const g = read(`${p}pan left`); expect1(p, g.camera.move === 'pan_left' && g.unknown.length === 0, g.unknown); }
    for (const p of P.suffix as unknown as string[]) { const g = read(`pan left${p}`); expect1(p, g.camera.move === 'pan_left' && g.unknown.length === 0 && g.palette.primitives.length === 0, g.unknown); }
    expect(wrong).toEqual([]);
  });

  it('round trip over 6,000 seeds: interpreting a generated prompt gives back every field it expresses', () => {
    const tally = new Map<ExpressedField, { n: number; ok: number }>();
    const failures: string[] = [];
    const knowledge = [primitiveKnowledge(), grownKnowledge()];
    for (let i = 0; i < 6000; i++) {
      const g = generate(`round-trip:${i}`, knowledge[i % 2]!);
      const got = read(g.prompt);
      for (const f of g.expressed) {
        const t = tally.get(f) ?? { n: 0, ok: 0 };
        tally.set(f, t);
        t.n++;
        if (agrees(f, field(g.intended, f), field(got, f))) t.ok++;
        else failures.push(`${g.prompt} | ${f}: want ${JSON.stringify(field(g.intended, f))}, got ${JSON.stringify(field(got, f))}`);
      }
    }
    console.log(['field                 prompts  agree', ...[...tally].sort((a, b) => b[1].n - a[1].n).map(([f, t]) => `${f.padEnd(22)}${String(t.n).padStart(7)}  ${((100 * t.ok) / t.n).toFixed(2)} %`)].join('\n'));
    // Every field the generator can express was exercised, many times.
    expect([...tally.keys()].sort()).toEqual(['camera.move', 'duration_s', 'gradient.type', 'lighting', 'motion.level', 'narrative.genre', 'narrative.mood', 'narrative.scene_type', 'narrative.settings', 'narrative.style', 'palette.primitives', 'sound.bpm', 'sound.presence', 'sound.primitives', 'sound.tempo', 'sound.tone_hz']);
    for (const t of tally.values()) expect(t.n).toBeGreaterThan(100);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);

  it('reads as English: no template holes, articles agree, every word understood; 20 samples printed', () => {
    const k = grownKnowledge();
    const samples: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const { prompt } = generate(`readable:${i}`, k);
      if (i < 20) samples.push(prompt);
      expect(prompt, prompt).not.toMatch(/[{}]|\s\s|\s[,.;]|[,;]\s*[,.;]|\ba [aeiou]|\ban [^aeiou8\s]/i);
      expect(prompt.length, prompt).toBeLessThan(320);
      // Word salad repeats itself; a prompt never has the same word twice in a row (but for "fr fr", slang for "for real").
      expect(prompt.replace(/\bfr fr\b/gi, 'fr'), prompt).not.toMatch(/\b(\w+)\s+\1\b/i);
      expect(read(prompt).unknown, prompt).toEqual([]);
    }
    console.log(`20 generated prompts:\n${samples.map((s, i) => `${String(i + 1).padStart(2)}. ${s}`).join('\n')}`);
  }, 240_000);

  it('is deterministic from the seed, and different seeds give different prompts', () => {
    const k = primitiveKnowledge();
    expect(generatePrompt('s:1', k, new Set())).toBe(generatePrompt('s:1', k, new Set()));
    const many = new Set(Array.from({ length: 3000 }, (_, i) => generatePrompt(`s:${i}`, k, new Set())));
    expect(many.size).toBeGreaterThan(2990);
  });

  it('avoids prompts already known, and says so when every attempt is known', () => {
    const k = primitiveKnowledge();
    const first = generatePrompt('avoid', k, new Set());
    const second = generatePrompt('avoid', k, new Set([first]));
    expect(second).not.toBe(first);
    expect(generatePrompt('avoid', k, new Set([first]))).toBe(second);
    const everything: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;
    expect(() => generatePrompt('avoid', k, everything)).toThrow(PromptSpaceExhaustedError);
  });

  it('asks for what the registries know: the pool steers camera moves, tones and tempi', () => {
    const k = primitiveKnowledge();
    k.camera = [{ name: 'Zoom In', canonical: 'zoom_in', raw: {}, origin: 'primitive', count: 0 }];
    k.sounds.push({ name: 'C5 Tone', breakdown: { silence: 0, tone: 100, rumble: 0, hiss: 0 }, tone_hz: 523, origin: 'discovery', count: 3 });
    const moves = new Set<unknown>();
    let c5 = 0;
    for (let i = 0; i < 1500; i++) {
      const g = generate(`pool:${i}`, k);
      if (g.intended.camera.move) moves.add(g.intended.camera.move);
      if (g.intended.sound.tone_hz === 523) c5++;
    }
    expect([...moves]).toEqual(['zoom_in']);
    expect(c5).toBeGreaterThan(0);
    // Without the discovery, 523 Hz is never asked for: it came from the registry, not a default.
    const plain = Array.from({ length: 1500 }, (_, i) => generate(`pool:${i}`, primitiveKnowledge()).intended.sound.tone_hz);
    expect(plain).not.toContain(523);
  });
});
