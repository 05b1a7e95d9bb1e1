// Prompt choice: explore (a new procedural prompt) or exploit (a known prompt, favouring those whose jobs discovered most).
import type { InterpretationRecord } from '../core/registry/export-records.ts';

/** The prompt a job runs and how it was chosen. */
export interface PromptChoice {
  prompt: string;
  mode: 'explore' | 'exploit';
}

/** What choosePrompt needs: the random source, the exploit ratio, known prompts and their discoveries, a generator. */
export interface ChooseOptions {
  /** Uniform [0, 1) random source, seeded by the caller (seededRandom) so a loop can be replayed. */
  random: () => number;
  /** Probability 0–1 of exploiting when there is something to exploit. */
  exploitRatio: number;
  /** The interpretation registry (only `done` records can be exploited). */
  interpretations: readonly InterpretationRecord[];
  /** Per prompt, how many new entries its jobs have discovered so far. */
  discoveriesByPrompt: ReadonlyMap<string, number>;
  /** Make a new procedural prompt that is none of `avoid`. */
  generate: (avoid: ReadonlySet<string>) => string;
}

/**
 * Exploit with probability `exploitRatio` (when any prompt is known): a known prompt picked with
 * weight 1 + its discoveries, so productive prompts come back more often but none is starved.
 * Otherwise explore: a new prompt avoiding every prompt already in the registry.
 */
export function choosePrompt(o: ChooseOptions): PromptChoice {
  if (!(o.exploitRatio >= 0 && o.exploitRatio <= 1)) throw new RangeError(`exploit ratio must be 0–1, got ${o.exploitRatio}`);
  const known = o.interpretations.filter((r) => r.status === 'done');
  const roll = o.random();
  if (known.length > 0 && roll < o.exploitRatio) {
    const weights = known.map((r) => 1 + (o.discoveriesByPrompt.get(r.prompt) ?? 0));
    const total = weights.reduce((a, b) => a + b, 0);
    let x = o.random() * total;
    for (let i = 0; i < known.length; i++) {
      x -= weights[i]!;
      if (x < 0) return { prompt: known[i]!.prompt, mode: 'exploit' };
    }
    return { prompt: known[known.length - 1]!.prompt, mode: 'exploit' };
  }
  const avoid = new Set(o.interpretations.map((r) => r.prompt));
  return { prompt: o.generate(avoid), mode: 'explore' };
}
