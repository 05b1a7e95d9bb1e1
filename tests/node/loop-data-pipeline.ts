// Test helper: the loop's media steps replaced by data (see dataPipeline), shared by the loop tests.
import seedrandom from 'seedrandom';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { windowBounds, type AnalysisReport, type FrameReport, type PictureWindowReport } from '../../src/core/report/analysis.ts';
import { classifyLighting, classifyMotion, CAMERA_MOVES, COLOR_PRIMITIVES, hexToRgb, type CameraMove } from '../../src/core/vocab/index.ts';
import type { JobPipeline } from '../../src/loop/pipeline.ts';

/**
 * The media steps replaced by data: a prompt names a primitive colour, a camera move and a tone; the
 * "analysis" measures that colour jittered by the spec seed, the move, and the tone, so different
 * seeds discover different values and equal ones repeat. Enough to test what the loop records.
 */
export function dataPipeline(opts: { analyzeDelayMs?: number } = {}): JobPipeline & { made: number } {
  const p = {
    made: 0,
    generatePrompt(seed: string, _k: unknown, avoid: ReadonlySet<string>) {
      const rng = seedrandom(seed);
      for (;;) {
        const c = COLOR_PRIMITIVES[Math.floor(rng() * 16)]!.name;
        const m = CAMERA_MOVES[Math.floor(rng() * 8)]!;
        const prompt = `${c} light, ${m.replace('_', ' ')}, tone ${200 + Math.floor(rng() * 20) * 20} hz`;
        if (!avoid.has(prompt)) return prompt;
      }
    },
    interpret(prompt: string): Instruction {
      const ins = emptyInstruction(prompt);
      const [color, move] = [prompt.split(' ')[0]!, prompt.split(', ')[1]!.replace(' ', '_')];
      ins.palette.primitives = [color as 'red'];
      ins.camera.move = move as CameraMove;
      ins.sound.primitives = ['tone'];
      ins.spans = [{ text: color, start: 0, end: color.length, domain: 'color', canonical: color, variant: 'standard' }];
      return ins;
    },
    buildSpec(instruction: Instruction, _k: unknown, seed: string) {
      return { seed, color: instruction.palette.primitives[0], move: instruction.camera.move, tone_hz: Number(/tone (\d+)/.exec(instruction.prompt)?.[1]) };
    },
    async createClip(spec: unknown, { signal, onProgress }: { signal: AbortSignal; onProgress: (f: number) => void }) {
      signal.throwIfAborted();
      onProgress(0.5);
      p.made++;
      return { mp4: new TextEncoder().encode(JSON.stringify(spec)), truth: { camera: { move: (spec as { move: string }).move }, motion: { level: 'slow' } } };
    },
    async analyze(mp4: Uint8Array, { signal, name }: { signal: AbortSignal; name: string }) {
      if (opts.analyzeDelayMs) await new Promise((r) => setTimeout(r, opts.analyzeDelayMs));
      signal.throwIfAborted();
      const spec = JSON.parse(new TextDecoder().decode(mp4)) as { seed: string; color: string; move: CameraMove; tone_hz: number };
      return measured(spec, name);
    },
  };
  return p;
}

function measured(spec: { seed: string; color: string; move: CameraMove; tone_hz: number }, name: string): AnalysisReport {
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

