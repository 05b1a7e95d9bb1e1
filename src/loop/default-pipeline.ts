// The product's real steps. Each module is loaded by a dynamic import() the first time it is needed, so the
// first paint does not wait for the interpreter's lexicon, the spec builder or the media code.
import type { JobPipeline } from './pipeline.ts';

/** Only the interpreter (the Interpret view needs nothing else). */
export async function loadInterpret(): Promise<JobPipeline['interpret']> {
  const { interpret } = await import('../core/language/interpret.ts');
  return (prompt, learned = []) => interpret(prompt, { learned });
}

/** Only the analyser of MP4 bytes (the loop's; files go through AppSession.analyze). */
export async function loadAnalyze(): Promise<JobPipeline['analyze']> {
  const { analyzeMp4 } = await import('../media/analyze-client.ts');
  return (mp4, { singleWorker, soundWorker, ...opts }) => analyzeMp4(mp4, { ...opts, ...(singleWorker ? { parallel: false } : {}), ...(soundWorker ? { soundAlongside: true } : {}) });
}

/** Start the analysis worker and its speech model without waiting (analyze-client.ts warmAnalyzeWorker). */
async function warmAnalysis(soundWorker: boolean): Promise<void> {
  const { warmAnalyzeWorker } = await import('../media/analyze-client.ts');
  await warmAnalyzeWorker(soundWorker);
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
      // Every hint passes through (the frame size was once dropped here: Create's Size made 320 × 240 whatever was picked).
      buildSpec: (instruction, knowledge, seed, hints) => buildSpec(instruction, knowledge, { seed, ...hints }),
      createClip,
      analyze,
      warm: (opts) => void warmAnalysis(opts?.soundWorker ?? false),
    };
    return pipeline;
  })();
  // A failed load (e.g. a chunk that could not be fetched) is tried again next time.
  loaded.catch(() => (loaded = null));
  return loaded;
}
