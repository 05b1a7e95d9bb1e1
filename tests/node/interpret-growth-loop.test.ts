// #14.5: the linguistic registry grows from use in a loop-like sequence with no person involved. Each step does what
// a loop job does with language: the generator writes a prompt from what the store knows (its learned mappings
// offered as `grown`), the interpreter reads it with them, and the job's mappings are recorded. WordNet places the
// generator explores ("in the boathouse") are learned; later prompts ask for learned settings by name.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/language/generate-prompt.ts';
import { interpret } from '../../src/core/language/interpret.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { spanMappings } from '../../src/loop/pipeline.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { listLearnedLexicon, recordLinguistic } from '../../src/storage/repo-language.ts';

describe('growth over a loop-like sequence', () => {
  it('learns new settings from generated prompts, and later prompts ask for them and read them back', async () => {
    const db = await openRegistries(`growth-loop-${Date.now()}`);
    const knowledge = primitiveKnowledge();
    const avoid = new Set<string>();
    const sizes: number[] = [];
    let askedForGrown = 0;
    for (let i = 0; i < 60; i++) {
      const grown = await listLearnedLexicon(db);
      const g = generate(`growth-loop:${i}`, knowledge, avoid, grown);
      avoid.add(g.prompt);
      const r = interpret(g.prompt, { learned: grown });
      // Whatever the prompt asked for as its setting is what the interpreter reads, grown words included.
      for (const s of g.intended.narrative.settings) expect(r.instruction.narrative.settings, g.prompt).toContain(s);
      if (grown.some((e) => e.domain === 'setting' && g.prompt.includes(`in the ${e.span}`))) askedForGrown++;
      await recordLinguistic(db, spanMappings(r));
      sizes.push((await listLearnedLexicon(db)).length);
    }
    const learned = await listLearnedLexicon(db);
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((e) => e.source === 'learned')).toBe(true);
    expect(learned.some((e) => e.domain === 'setting')).toBe(true);
    // It grows over time (never shrinks), and the generator asks for what was learned.
    expect(sizes.every((n, k) => k === 0 || n >= (sizes[k - 1] ?? 0))).toBe(true);
    expect(sizes.at(-1)).toBeGreaterThan(sizes[9] ?? 0);
    expect(askedForGrown).toBeGreaterThan(0);
    db.close();
  }, 120_000);
});
