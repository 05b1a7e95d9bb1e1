/// <reference types="vite/client" />
// The product's real steps, found at build time: each module is bundled when it exists, and a missing
// one is reported by name when a job needs it (so the app still builds while a step is being written).
import type { Instruction } from '../core/language/instruction.ts';
import type { AnalysisResult } from '../core/report/analysis.ts';
import type { Knowledge } from '../core/spec/knowledge.ts';
import type { InterpretResult, JobPipeline, MadeClip, SpanMapping } from './pipeline.ts';

/** A step of the pipeline is not part of this build. */
export class PipelineUnavailableError extends Error {
  override name = 'PipelineUnavailableError';
}

type Fn = (...args: unknown[]) => unknown;
const modules = import.meta.glob<Record<string, unknown>>([
  '../core/language/generate-prompt.ts',
  '../core/language/interpret.ts',
  '../core/spec/build-spec.ts',
  '../media/create-clip.ts',
  '../media/analyze-client.ts',
]);

async function step(path: string, names: readonly string[]): Promise<Fn> {
  const load = modules[path];
  if (!load) throw new PipelineUnavailableError(`${path.replace('../', 'src/')} is not part of this build`);
  const m = await load();
  for (const n of names) if (typeof m[n] === 'function') return m[n] as Fn;
  throw new PipelineUnavailableError(`${path.replace('../', 'src/')} exports none of ${names.join(', ')}`);
}

/** interpret() returns `{instruction, used[{entry}], learned[]}`; older shapes return the instruction itself. */
function normalise(r: unknown): InterpretResult {
  const o = r as { instruction?: Instruction; used?: { entry: SpanMapping }[]; learned?: SpanMapping[] };
  if (!o.instruction) return { instruction: r as Instruction, linguistic: [] };
  const seen = new Set<string>();
  const linguistic: SpanMapping[] = [];
  for (const e of [...(o.used ?? []).map((u) => u.entry), ...(o.learned ?? [])]) {
    const key = `${e.span}\u0000${e.domain}\u0000${e.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    linguistic.push({ span: e.span, canonical: e.canonical, domain: e.domain, variant: e.variant, source: e.source, ...(e.dialect ? { dialect: e.dialect } : {}) });
  }
  return { instruction: o.instruction, linguistic };
}

/** Only the interpreter (the Interpret view needs nothing else). */
export async function loadInterpret(): Promise<(prompt: string, learned?: readonly SpanMapping[]) => InterpretResult> {
  const interpret = await step('../core/language/interpret.ts', ['interpret']);
  return (prompt, learned = []) => normalise(interpret(prompt, { learned }));
}

/** Only the analyser (the Analyze view needs nothing else). */
export async function loadAnalyze(): Promise<JobPipeline['analyze']> {
  const analyze = await step('../media/analyze-client.ts', ['analyzeMp4', 'analyzeBytes', 'analyzeFile', 'analyze']);
  return (mp4, opts) => analyze(mp4, opts) as Promise<AnalysisResult>;
}

let loaded: Promise<JobPipeline> | null = null;

/** The pipeline of this build (loaded once); rejects with PipelineUnavailableError if a step is missing. */
export function loadPipeline(): Promise<JobPipeline> {
  loaded ??= (async () => {
    const [generatePrompt, interpret, buildSpec, createClip, analyze] = await Promise.all([
      step('../core/language/generate-prompt.ts', ['generatePrompt']),
      step('../core/language/interpret.ts', ['interpret']),
      step('../core/spec/build-spec.ts', ['buildSpec']),
      step('../media/create-clip.ts', ['createClip']),
      step('../media/analyze-client.ts', ['analyzeMp4', 'analyzeBytes', 'analyzeFile', 'analyze']),
    ]);
    const pipeline: JobPipeline = {
      generatePrompt: (seed: string, knowledge: Knowledge, avoid: ReadonlySet<string>) => generatePrompt(seed, knowledge, avoid) as string,
      interpret: (prompt: string, learned: readonly SpanMapping[]) => normalise(interpret(prompt, { learned })),
      buildSpec: (instruction: Instruction, knowledge: Knowledge, seed: string, hints: { mode?: 'pure' | 'blended' }) => buildSpec(instruction, knowledge, { seed, ...(hints.mode ? { mode: hints.mode } : {}) }),
      createClip: (spec, opts) => createClip(spec, opts) as Promise<MadeClip>,
      analyze: (mp4, opts) => analyze(mp4, opts) as Promise<AnalysisResult>,
    };
    return pipeline;
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}
