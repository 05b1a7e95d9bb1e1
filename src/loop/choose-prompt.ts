// Prompt choice: explore (a new procedural prompt asking for what the loop has seen least) or exploit (a known
// prompt that agreed best, never more than MAX_PROMPT_RUN times in a row). Pure: the caller brings the history.
import type { Instruction } from '../core/language/instruction.ts';
import type { InterpretationRecord } from '../core/registry/export-records.ts';

/** The prompt a job runs and how it was chosen. */
export interface PromptChoice {
  prompt: string;
  mode: 'explore' | 'exploit';
}

/** A prompt runs at most this many jobs in a row: then exploiting picks another, or the job explores. */
export const MAX_PROMPT_RUN = 2;
/** Exploring writes this many candidate prompts and keeps the one asking for the least-seen values. */
export const EXPLORE_CANDIDATES = 4;

/** What the loop's past jobs say about one prompt. */
export interface PromptStats {
  /** New entries its jobs discovered. */
  discoveries: number;
  /** Sum of its jobs' learning agreements (0–1 each) and their number. */
  agreementSum: number;
  jobs: number;
}

/** What choosePrompt needs: the random source, the exploit ratio, known prompts and their record, a generator. */
export interface ChooseOptions {
  /** Uniform [0, 1) random source, seeded by the caller (seededRandom) so a loop can be replayed. */
  random: () => number;
  /** Probability 0–1 of exploiting when there is something to exploit. */
  exploitRatio: number;
  /** The interpretation registry (only `done` records can be exploited; their instructions say what was asked). */
  interpretations: readonly InterpretationRecord[];
  /** Per prompt, its jobs' discoveries and agreement. */
  stats: ReadonlyMap<string, PromptStats>;
  /** The last jobs' prompts, oldest first (at least MAX_PROMPT_RUN of them when there are). */
  recent: readonly string[];
  /** Make a new procedural prompt that is none of `avoid`; `variant` 0, 1, … gives different prompts. */
  generate: (avoid: ReadonlySet<string>, variant: number) => string;
  /** The instruction a candidate prompt means (to score what it asks for); without it the first candidate is taken. */
  interpret?: (prompt: string) => Instruction;
}

/** The values an instruction asks for, as `domain:value` keys (what explore balances). */
export function askedValues(ins: Instruction): string[] {
  const out: string[] = [];
  for (const p of ins.palette.primitives) out.push(`colour:${p}`);
  if (ins.palette.concept) out.push(`concept:${ins.palette.concept}`);
  if (ins.camera.move) out.push(`move:${ins.camera.move}`);
  if (ins.motion.level) out.push(`motion:${ins.motion.level}`);
  if (ins.gradient.type) out.push(`gradient:${ins.gradient.type}`);
  if (ins.lighting) out.push(`lighting:${ins.lighting}`);
  for (const p of ins.sound.primitives) out.push(`sound:${p}`);
  if (ins.sound.tempo) out.push(`tempo:${ins.sound.tempo}`);
  if (ins.sound.mood) out.push(`mood:${ins.sound.mood}`);
  for (const m of ins.narrative.mood) out.push(`mood:${m}`);
  for (const s of ins.narrative.settings) out.push(`setting:${s}`);
  return out;
}

/** How often each asked value appears among the known prompts' instructions. */
export function valueCounts(interpretations: readonly InterpretationRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of interpretations) {
    if (r.status !== 'done' || !r.instruction) continue;
    for (const v of askedValues(r.instruction)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/** Novelty of an instruction 0–1: the mean over what it asks of 1 / (1 + times already asked); 0 when it asks nothing. */
export function novelty(ins: Instruction, counts: ReadonlyMap<string, number>): number {
  const vs = askedValues(ins);
  if (vs.length === 0) return 0;
  return vs.reduce((a, v) => a + 1 / (1 + (counts.get(v) ?? 0)), 0) / vs.length;
}

/** Exploit weight of a prompt: its mean agreement, squared (the best-agreeing come back most), tilted by what its jobs found. */
export function exploitWeight(s: PromptStats | undefined): number {
  const agreement = s && s.jobs > 0 ? s.agreementSum / s.jobs : 0.5;
  return (0.05 + agreement) ** 2 * (1 + Math.log1p(s?.discoveries ?? 0));
}

/** Whether `prompt` already ran the last MAX_PROMPT_RUN jobs in a row (then it may not run again now). */
export function ranOut(prompt: string, recent: readonly string[]): boolean {
  if (recent.length < MAX_PROMPT_RUN) return false;
  return recent.slice(recent.length - MAX_PROMPT_RUN).every((p) => p === prompt);
}

/**
 * Exploit with probability `exploitRatio` when some known prompt may run: weight exploitWeight (best agreement
 * first, discoveries as a tilt), except a prompt that ran the last MAX_PROMPT_RUN jobs. Otherwise explore:
 * EXPLORE_CANDIDATES new prompts (none already known), keeping the one whose asked values were asked least.
 */
export function choosePrompt(o: ChooseOptions): PromptChoice {
  if (!(o.exploitRatio >= 0 && o.exploitRatio <= 1)) throw new RangeError(`exploit ratio must be 0–1, got ${o.exploitRatio}`);
  const known = o.interpretations.filter((r) => r.status === 'done' && !ranOut(r.prompt, o.recent));
  const roll = o.random();
  if (known.length > 0 && roll < o.exploitRatio) {
    const weights = known.map((r) => exploitWeight(o.stats.get(r.prompt)));
    const total = weights.reduce((a, b) => a + b, 0);
    let x = o.random() * total;
    for (let i = 0; i < known.length; i++) {
      x -= weights[i]!;
      if (x < 0) return { prompt: known[i]!.prompt, mode: 'exploit' };
    }
    return { prompt: known[known.length - 1]!.prompt, mode: 'exploit' };
  }
  const avoid = new Set(o.interpretations.map((r) => r.prompt));
  if (!o.interpret) return { prompt: o.generate(avoid, 0), mode: 'explore' };
  const counts = valueCounts(o.interpretations);
  let best: { prompt: string; score: number } | null = null;
  for (let v = 0; v < EXPLORE_CANDIDATES; v++) {
    const prompt = o.generate(avoid, v);
    if (avoid.has(prompt)) continue;
    avoid.add(prompt);
    const score = novelty(o.interpret(prompt), counts);
    if (!best || score > best.score) best = { prompt, score };
  }
  return { prompt: best ? best.prompt : o.generate(avoid, EXPLORE_CANDIDATES), mode: 'explore' };
}
