// The product's real steps. Each module is loaded by a dynamic import() the first time it is needed, so the
// first paint does not wait for the interpreter's lexicon, the spec builder or the media code.
import type { Instruction } from '../core/language/instruction.ts';
import type { Interpretation } from '../core/language/interpret.ts';
import type { LexiconEntry } from '../core/language/lexicon.ts';
import type { AnalysisResult } from '../core/report/analysis.ts';
import type { Spec } from '../core/plan/spec.ts';
import type { InterpretResult, JobPipeline, MadeClip, SpanMapping } from './pipeline.ts';

/** The interpreter's result → the instruction and the lexicon entries it used or learned, each once. */
function normalise(r: Interpretation): InterpretResult {
  const seen = new Set<string>();
  const linguistic: SpanMapping[] = [];
  for (const e of [...r.used.map((u) => u.entry), ...r.learned]) {
    const key = `${e.span}\u0000${e.domain}\u0000${e.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    linguistic.push({ span: e.span, canonical: e.canonical, domain: e.domain, variant: e.variant, source: e.source, ...(e.dialect ? { dialect: e.dialect } : {}) });
  }
  return { instruction: r.instruction, linguistic };
}

/** Only the interpreter (the Interpret view needs nothing else). */
export async function loadInterpret(): Promise<(prompt: string, learned?: readonly SpanMapping[]) => InterpretResult> {
  const { interpret } = await import('../core/language/interpret.ts');
  return (prompt, learned = []) => normalise(interpret(prompt, { learned: learned as readonly LexiconEntry[] }));
}

/** Only the analyser (the Analyze view needs nothing else). */
export async function loadAnalyze(): Promise<JobPipeline['analyze']> {
  const { analyzeMp4 } = await import('../media/analyze-client.ts');
  return (mp4, opts) => analyzeMp4(mp4, opts);
}

let loaded: Promise<JobPipeline> | null = null;

/** The whole pipeline (its modules loaded once). */
export function loadPipeline(): Promise<JobPipeline> {
  loaded ??= (async () => {
    const [{ generatePrompt }, interpret, { buildSpec }, { createClip }, analyze] = await Promise.all([
      import('../core/language/generate-prompt.ts'),
      loadInterpret(),
      import('../core/plan/build-spec.ts'),
      import('../media/create-clip.ts'),
      loadAnalyze(),
    ]);
    const pipeline: JobPipeline = {
      generatePrompt,
      interpret,
      buildSpec: (instruction: Instruction, knowledge, seed, hints) => buildSpec(instruction, knowledge, { seed, ...(hints.mode ? { mode: hints.mode } : {}), ...(hints.duration_s !== undefined ? { duration_s: hints.duration_s } : {}) }),
      createClip: (spec, opts) => createClip(spec as Spec, opts) as Promise<MadeClip>,
      analyze: (mp4, opts) => analyze(mp4, opts) as Promise<AnalysisResult>,
    };
    return pipeline;
  })();
  // A failed load (e.g. a chunk that could not be fetched) is tried again next time.
  loaded.catch(() => (loaded = null));
  return loaded;
}
