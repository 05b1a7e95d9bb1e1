// #14.3–#14.5: a person's interpretation is recorded (source user) with its mappings counted; a taught mapping is
// stored as learned and changes the next interpretation, never overriding an origin word silently (conflicts
// reported); narrative values met through WordNet are learned, known next time, and offered to the generator.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/language/generate-prompt.ts';
import { teachMapping } from '../../src/core/language/grow-vocabulary.ts';
import { interpret, type Interpretation } from '../../src/core/language/interpret.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { listInterpretations, listLearnedLexicon, listLinguistic, recordUserInterpretation, teachLinguistic, type LinguisticMapping } from '../../src/storage/repo-language.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';

let n = 0;
const fresh = () => openRegistries(`interpret-growth-${n++}-${Date.now()}`);

function mappings(r: Interpretation): LinguisticMapping[] {
  const seen = new Set<string>();
  const out: LinguisticMapping[] = [];
  for (const e of [...r.used.map((u) => u.entry), ...r.learned]) {
    const key = `${e.span}\u0000${e.domain}\u0000${e.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...e });
  }
  return out;
}

describe('narrative vocabularies grow through WordNet', () => {
  it('a place the lexicon lacks is learned, then known as a learned word', () => {
    const first = interpret('a castle on a hill at dusk');
    expect(first.instruction.narrative.settings).toContain('castle');
    expect(first.learned).toContainEqual({ span: 'castle', canonical: 'castle', domain: 'setting', variant: 'synonym', source: 'learned' });
    expect(first.used.some((u) => u.entry.span === 'castle')).toBe(false);
    expect(first.instruction.spans.find((s) => s.text === 'castle')?.via).toBe('wordnet');
    const next = interpret('the castle in the rain', { learned: first.learned });
    expect(next.instruction.spans.find((s) => s.text === 'castle')?.via).toBe('learned');
    expect(next.learned).toEqual([]);
  });

  it('a low-confidence reading is not learned (below the growth floor)', () => {
    // "house": WordNet's senses agree on a building only 55 % of the weight.
    const r = interpret('a house by the lake');
    expect(r.learned.some((e) => e.span === 'house')).toBe(false);
  });

  it('the generator asks for grown settings, and the interpreter reads them back', () => {
    const grown = interpret('a castle at dusk').learned.filter((e) => e.domain === 'setting');
    const k = primitiveKnowledge();
    let asked = 0;
    for (let s = 0; s < 300; s++) {
      const g = generate(`grow:${s}`, k, new Set(), grown);
      // Without grown entries the same seed gives the same prompt as before.
      if (s < 50) expect(generate(`grow:${s}`, k).prompt).toBe(generate(`grow:${s}`, k, new Set(), []).prompt);
      if (!g.prompt.includes('in the castle')) continue;
      asked++;
      expect(g.intended.narrative.settings).toEqual(['castle']);
      expect(interpret(g.prompt, { learned: grown }).instruction.narrative.settings).toContain('castle');
    }
    expect(asked).toBeGreaterThan(5);
  });
});

describe('teach', () => {
  it('a taught word changes the next interpretation', () => {
    const { entry, conflicts } = teachMapping('zindleqwop', 'motion', 'fast');
    expect(conflicts).toEqual([]);
    expect(interpret('zindleqwop, pan left').instruction.motion.level).toBe(null);
    expect(interpret('zindleqwop, pan left', { learned: [entry] }).instruction.motion.level).toBe('fast');
  });

  it('an origin word keeps its meaning; the conflict is reported', () => {
    const { entry, conflicts } = teachMapping('red', 'color', 'blue');
    expect(conflicts).toContainEqual({ span: 'red', learned: { domain: 'color', canonical: 'blue' }, lexicon: { domain: 'color', canonical: 'red', source: 'origin' }, kept: 'lexicon' });
    const r = interpret('red waves', { learned: [entry] });
    expect(r.instruction.palette.primitives).toEqual(['red']);
    expect(r.conflicts.map((c) => c.kept)).toEqual(['lexicon']);
  });

  it('an origin word keeps its meaning against a taught meaning of another domain too ("sky" → colour blue)', () => {
    const { entry, conflicts } = teachMapping('sky', 'color', 'blue');
    expect(conflicts).toContainEqual(expect.objectContaining({ span: 'sky', learned: { domain: 'color', canonical: 'blue' }, kept: 'lexicon', lexicon: expect.objectContaining({ source: 'origin', domain: 'setting' }) }));
    const prompt = 'a blorp sky with zoom in';
    const before = interpret(prompt).instruction;
    const r = interpret(prompt, { learned: [entry] });
    // The taught meaning is stored and reported, never applied: the reading is the same as without it.
    expect(r.instruction.palette.primitives).toEqual(before.palette.primitives);
    expect(r.instruction.palette.primitives).not.toContain('blue');
    expect(r.instruction.narrative.settings).toEqual(before.narrative.settings);
    expect(r.instruction.narrative.settings).toContain('sky');
    expect(r.conflicts.map((c) => [c.span, c.kept])).toContainEqual(['sky', 'lexicon']);
  });

  it('a taught phrase holding an origin word does not take its meaning silently ("red sky" → setting)', () => {
    const { entry, conflicts } = teachMapping('Red sky', 'setting', 'red sky');
    // Shown at teach time: both origin words inside the phrase keep their meaning.
    expect(conflicts).toContainEqual({ span: 'red sky', within: 'red', learned: { domain: 'setting', canonical: 'red sky' }, lexicon: { domain: 'color', canonical: 'red', source: 'origin' }, kept: 'lexicon' });
    expect(conflicts.map((c) => c.within)).toEqual(['red', 'sky']);
    const prompt = 'a red sky over the sea, pan left';
    const before = interpret(prompt).instruction;
    expect(before.palette.primitives).toContain('red');
    const r = interpret(prompt, { learned: [entry] });
    // Not applied: the reading is the one without it, red still a colour and sky still the setting.
    expect(r.instruction.palette.primitives).toEqual(before.palette.primitives);
    expect(r.instruction.narrative.settings).toEqual(before.narrative.settings);
    expect(r.instruction.spans.map((s) => s.text)).not.toContain('red sky');
    // Shown in the interpretation where the phrase is met, and only there.
    expect(r.conflicts.map((c) => [c.span, c.within, c.kept])).toEqual([['red sky', 'red', 'lexicon'], ['red sky', 'sky', 'lexicon']]);
    expect(interpret('a red barn at dusk', { learned: [entry] }).conflicts).toEqual([]);
  });

  it('a taught phrase whose origin words agree with it, or with no origin word, is applied with no conflict', () => {
    const agree = teachMapping('forest trail', 'setting', 'forest');
    expect(agree.conflicts).toEqual([]);
    const fresh = teachMapping('glimmer dale', 'setting', 'valley');
    expect(fresh.conflicts).toEqual([]);
    const r = interpret('a glimmer dale at noon', { learned: [agree.entry, fresh.entry] });
    expect(r.instruction.narrative.settings).toContain('valley');
    expect(r.conflicts).toEqual([]);
  });

  it('a built-in word gives way to the taught value, and says so', () => {
    const { entry, conflicts } = teachMapping('arvo', 'setting', 'dusk');
    expect(conflicts).toContainEqual(expect.objectContaining({ span: 'arvo', kept: 'learned', lexicon: expect.objectContaining({ canonical: 'afternoon', source: 'built-in' }) }));
    expect(interpret('grey arvo', { learned: [entry] }).instruction.narrative.settings).toEqual(['dusk']);
  });

  it.each([
    ['', 'color', 'red'],
    ['fizz', 'colour', 'red'],
    ['fizz', 'function', 'the'],
    ['fizz', 'color', 'chartreuse'],
    ['fizz', 'camera', 'dolly'],
  ])('bad input is refused with a TypeError: %j %j %j', (span, domain, canonical) => {
    expect(() => teachMapping(span, domain, canonical)).toThrow(TypeError);
  });
});

describe('storage of user interpretations and taught mappings', () => {
  it('a user interpretation is stored with source user and its mappings counted; refused input writes nothing', async () => {
    const db = await fresh();
    const r = interpret('a castle at dusk, grey arvo');
    await recordUserInterpretation(db, { prompt: r.instruction.prompt, instruction: r.instruction, mappings: mappings(r) });
    const rows = await listInterpretations(db);
    expect(rows).toMatchObject([{ prompt: 'a castle at dusk, grey arvo', source: 'user', status: 'done' }]);
    expect(await listLinguistic(db, { span: 'castle' })).toMatchObject([{ domain: 'setting', canonical: 'castle', source: 'learned', count: 1 }]);
    expect(await listLinguistic(db, { span: 'arvo' })).toMatchObject([{ canonical: 'afternoon', source: 'built-in', count: 1 }]);
    await expect(recordUserInterpretation(db, { prompt: ' ', instruction: null, mappings: [] })).rejects.toThrow(TypeError);
    await expect(recordUserInterpretation(db, { prompt: 'x', instruction: null, mappings: [{ span: '', domain: 'color', canonical: 'red', variant: 'standard', source: 'learned' }] })).rejects.toThrow(TypeError);
    expect((await listInterpretations(db)).length).toBe(1);
  });

  it('a taught mapping is stored as learned and read back as the learned lexicon of the next interpretation', async () => {
    const db = await fresh();
    const { entry } = teachMapping('zindleqwop', 'motion', 'fast');
    await teachLinguistic(db, entry);
    await teachLinguistic(db, entry);
    expect(await listLinguistic(db, { span: 'zindleqwop' })).toMatchObject([{ source: 'learned', count: 2 }]);
    const learned = await listLearnedLexicon(db);
    expect(learned).toEqual([{ span: 'zindleqwop', canonical: 'fast', domain: 'motion', variant: 'synonym', source: 'learned' }]);
    expect(interpret('zindleqwop!', { learned }).instruction.motion.level).toBe('fast');
    await expect(teachLinguistic(db, { ...entry, source: 'origin' })).rejects.toThrow(TypeError);
  });
});
