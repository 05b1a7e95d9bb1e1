// Test helper: the loop's media steps replaced by data (see dataPipeline), shared by the loop tests.
import seedrandom from 'seedrandom';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { windowBounds, type AnalysisReport, type FrameReport, type PictureWindowReport } from '../../src/core/report/analysis.ts';
import type { Interpretation } from '../../src/core/language/interpret.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import type { Spec, SpecMode } from '../../src/core/plan/spec.ts';
import { INTENDED_TRUTH_SCHEMA, type IntendedTruth } from '../../src/core/render/intended-truth.ts';
import { classifyLighting, classifyMotion, CAMERA_MOVES, COLOR_PRIMITIVES, hexToRgb, type CameraMove, type ColorPrimitiveName } from '../../src/core/vocab/index.ts';
import type { Knowledge } from '../../src/core/vocab/knowledge.ts';
import type { JobPipeline, MadeClip } from '../../src/loop/pipeline.ts';

/**
 * The media steps replaced by data: a prompt names a primitive colour, a camera move and a tone; the
 * "analysis" measures that colour jittered by the spec seed, the move, and the tone, so different
 * seeds discover different values and equal ones repeat. Enough to test what the loop records.
 */
export function dataPipeline(opts: { analyzeDelayMs?: number } = {}): JobPipeline & { made: number } {
  const p = {
    made: 0,
    generatePrompt(seed: string, _k: Knowledge, avoid: ReadonlySet<string>): string {
      const rng = seedrandom(seed);
      for (;;) {
        const c = COLOR_PRIMITIVES[Math.floor(rng() * 16)]!.name;
        const m = CAMERA_MOVES[Math.floor(rng() * 8)]!;
        const prompt = `${c} light, ${m.replace('_', ' ')}, tone ${200 + Math.floor(rng() * 20) * 20} hz`;
        if (!avoid.has(prompt)) return prompt;
      }
    },
    interpret(prompt: string): Interpretation {
      const ins = emptyInstruction(prompt);
      const [color, move] = [prompt.split(' ')[0]!, prompt.split(', ')[1]!.replace(' ', '_')];
      ins.palette.primitives = [color as ColorPrimitiveName];
      ins.camera.move = move as CameraMove;
      ins.sound.primitives = ['tone'];
      ins.spans = [{ text: color, start: 0, end: color.length, domain: 'color', canonical: color, variant: 'standard' }];
      const entry = { span: color, canonical: color, domain: 'color', variant: 'standard' as const, source: 'learned' as const };
      return { instruction: ins, used: [{ entry, text: color, start: 0, end: color.length }], learned: [], conflicts: [] };
    },
    buildSpec(instruction: Instruction, knowledge: Knowledge, seed: string, hints: { mode?: SpecMode; duration_s?: number }): Spec {
      return buildSpec(instruction, knowledge, { seed, ...hints });
    },
    async createClip(spec: Spec, { signal, onProgress }: { signal: AbortSignal; onProgress: (f: number) => void }): Promise<MadeClip> {
      signal.throwIfAborted();
      onProgress(0.5);
      p.made++;
      const made: DataClip = { seed: spec.seed, color: spec.prompt.split(' ')[0]!, move: spec.camera.move, tone_hz: Number(/tone (\d+)/.exec(spec.prompt)?.[1]) };
      return { mp4: new TextEncoder().encode(JSON.stringify(made)), truth: dataTruth(spec) };
    },
    async analyze(mp4: Uint8Array, { signal, name }: { signal: AbortSignal; name: string }): Promise<AnalysisReport> {
      if (opts.analyzeDelayMs) await new Promise((r) => setTimeout(r, opts.analyzeDelayMs));
      signal.throwIfAborted();
      return measured(JSON.parse(new TextDecoder().decode(mp4)) as DataClip, name);
    },
  };
  return p;
}

/** What the data "MP4" carries: the spec's seed and what its prompt asked. */
interface DataClip {
  seed: string;
  color: string;
  move: CameraMove;
  tone_hz: number;
}

/** A small truth: the spec's camera at a slow motion, a flat unlit-by-rule field; no frames, palette, sound or beat (the instruction's stand). */
function dataTruth(spec: Spec): IntendedTruth {
  return {
    schema: INTENDED_TRUTH_SCHEMA, label: 'intended', seed: spec.seed, mode: spec.mode, width: spec.width, height: spec.height, fps: spec.fps,
    frame_count: spec.frame_count, duration_s: spec.duration_s, frames: [], windows: [], tempo: { bpm: null, label: 'medium' }, melody: [], palette: [],
    camera: { move: spec.camera.move, dx: 0, dy: 0, zoom: 0, roll: 0 }, motion: { level: 'slow', speed: 0.06 },
    gradient: { type: 'flat', direction_deg: null, center: null, fit: 0.1 }, lighting: classifyLighting(0.4, 0.2), sound: { frames: [] },
  };
}

function measured(spec: DataClip, name: string): AnalysisReport {
  const rng = seedrandom(spec.seed);
  const base = hexToRgb(COLOR_PRIMITIVES.find((c) => c.name === spec.color)!.hex);
  const rgb = base.map((v) => Math.max(0, Math.min(255, v + Math.round((rng() - 0.5) * 60)))) as [number, number, number];
  const fps = 12;
  const n = 24;
  const frames: FrameReport[] = Array.from({ length: n }, (_, i) => ({
    index: i, t: i / fps, colors: [{ rgb, share: 80, primitive: spec.color as 'red' }, { rgb: [0, 0, 0], share: 20, primitive: 'black' }],
    depth: { [spec.color]: 80, black: 20 }, luma: { mean: 0.4, std: 0.2 },
    sound: { breakdown: { silence: 0, tone: 90, rumble: 5, hiss: 5 }, rms_db: -10, centroid_hz: spec.tone_hz, flatness: 0.05, tone_hz: spec.tone_hz },
  }));
  const cam = { dx: spec.move === 'pan_left' ? 0.06 : spec.move === 'pan_right' ? -0.06 : 0, dy: 0, zoom: spec.move === 'zoom_in' ? 0.1 : 0, roll: 0 };
  const windows: PictureWindowReport[] = windowBounds(n, fps).map(([s, e]) => ({
    start_frame: s, end_frame: e, t0: s / fps, t1: (e + 1) / fps, motion: { level: classifyMotion(0.06), speed: 0.06 },
    camera: { move: spec.move, ...cam, confidence: 0.8 }, gradient: { type: 'flat', direction_deg: null, center: null, fit: 0.1 },
    lighting: classifyLighting(0.4, 0.2), color: { rgb, depth: { [spec.color]: 80, black: 20 } }, sound: { presence: 'full', mood: 'calm', speech_share: 0 },
  }));
  return {
    schema: 'mp4-analysis/1', file: { name, bytes: 100, sha256: 'a'.repeat(64) }, container: { brand: 'isom', duration_s: 2, tracks: [] },
    video: { codec: 'avc1', width: 64, height: 64, fps, frame_count: n, duration_s: 2, rotation: 0, pixel_aspect: [1, 1], decodable: true }, audio: null,
    frames, windows, tempo: { bpm: 90 + Math.round(rng() * 60), label: 'medium', segments: [] }, melody: [{ midi: 57, start: 0, end: 1 }, { midi: 60 + Math.floor(rng() * 5), start: 1, end: 2 }],
    cuts: [], transitions: [], shots: [{ start_frame: 0, end_frame: n - 1, t0: 0, t1: 2 }], narrative_observed: { label: 'observed', shots: [] }, warnings: [],
  };
}

