// Round trip (issue #5): clips made by our creation code (buildSpec → createClip) for every camera move, motion
// level, gradient type, lighting label and a set of sound mixes and tempos, analysed by our extraction code
// (analyzeMp4), and compared with what they were made to be (the clip's intended truth) field by field: the
// loop's learning record (intendedFromTruth vs observedFromReport) plus window- and frame-level fields.
import { expect } from 'chai';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { learningRecord, observedFromReport, type Learning } from '../../src/core/registry/learning.ts';
import { isAnalysisError, type AnalysisReport } from '../../src/core/report/analysis.ts';
import { agreementTable, formatAgreementTable, type FieldScores } from '../../src/core/report/agreement-table.ts';
import { buildSpec, type BuildSpecOptions } from '../../src/core/spec/build-spec.ts';
import type { IntendedTruth } from '../../src/core/spec/intended-truth.ts';
import { primitiveKnowledge } from '../../src/core/spec/primitive-knowledge.ts';
import type { Spec } from '../../src/core/spec/spec.ts';
import { CAMERA_MOVES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS } from '../../src/core/vocab/index.ts';
import { analyzeMp4 } from '../../src/media/analyze-client.ts';
import { createClip } from '../../src/media/create-clip.ts';
import { intendedFromTruth } from '../../src/loop/intended-from-truth.ts';

/** One made-and-analysed clip. */
interface RoundTrip {
  label: string;
  instruction: Instruction;
  spec: Spec;
  truth: IntendedTruth;
  report: AnalysisReport;
  learning: Learning;
  scores: FieldScores;
}

const all: RoundTrip[] = [];

function share(xs: readonly boolean[]): number | null {
  return xs.length === 0 ? null : xs.filter(Boolean).length / xs.length;
}

/** Window- and frame-level agreements beyond the learning record (null where a field does not apply). */
function detailScores(truth: IntendedTruth, report: AnalysisReport): FieldScores {
  const pairs = truth.windows.map((t, k) => [t, report.windows[k]] as const).filter(([, o]) => o !== undefined) as [IntendedTruth['windows'][number], AnalysisReport['windows'][number]][];
  const move = truth.camera.move;
  // Raw numbers of a steady move: the move's own component within 25 % of the truth, per window.
  const key = move.startsWith('pan') ? 'dx' : move.startsWith('tilt') ? 'dy' : move.startsWith('zoom') ? 'zoom' : move.startsWith('roll') ? 'roll' : null;
  const geometry = pairs.map(([t, o]) => {
    const g = t.gradient;
    if (g.type.startsWith('linear') && g.direction_deg !== null && o.gradient.direction_deg !== null) return Math.abs(((o.gradient.direction_deg - g.direction_deg + 540) % 360) - 180) <= 10;
    if (g.type === 'radial' && g.center && o.gradient.center) return Math.hypot(o.gradient.center[0] - g.center[0], o.gradient.center[1] - g.center[1]) <= 0.1;
    return null;
  }).filter((x): x is boolean => x !== null);
  const tonal: boolean[] = [];
  const loud: boolean[] = [];
  truth.frames.forEach((f, i) => {
    const o = report.frames[i]?.sound;
    if (!f.sound || !o) return;
    if (f.sound.breakdown.silence < 100) loud.push(Math.abs(o.rms_db - f.sound.rms_db) <= 2);
    if (f.sound.tone_hz !== null && f.sound.breakdown.tone >= 80) tonal.push(o.tone_hz !== null && Math.abs(o.tone_hz / f.sound.tone_hz - 1) <= 0.03);
  });
  return {
    camera_window: share(pairs.map(([t, o]) => t.camera.move === o.camera.move)),
    camera_raw: key ? share(pairs.map(([t, o]) => Math.abs(o.camera[key] - t.camera[key]) <= 0.25 * Math.abs(t.camera[key]))) : null,
    motion_window: share(pairs.map(([t, o]) => t.motion.level === o.motion.level)),
    gradient_window: share(pairs.map(([t, o]) => t.gradient.type === o.gradient.type)),
    gradient_geometry: share(geometry),
    lighting_window: share(pairs.map(([t, o]) => t.lighting === o.lighting)),
    presence_window: share(pairs.filter(([t, o]) => t.sound && o.sound).map(([t, o]) => t.sound!.presence === o.sound!.presence)),
    loudness_frame: share(loud),
    tone_pitch: share(tonal),
  };
}

/** Make a clip from an instruction, analyse it, and score it; the result is kept for the table. */
async function roundTrip(label: string, patch: (i: Instruction) => void, opts: Partial<BuildSpecOptions> = {}): Promise<RoundTrip> {
  const instruction = emptyInstruction(label);
  patch(instruction);
  const spec = buildSpec(instruction, primitiveKnowledge(), { seed: `round-trip:${label}`, width: 160, height: 120, duration_s: 1, ...opts });
  const clip = await createClip(spec);
  const result = await analyzeMp4(clip.mp4, { name: `${label}.mp4` });
  if (isAnalysisError(result)) throw new Error(`${label}: ${result.error.code}: ${result.error.message}`);
  expect(result.frames.length, label).to.equal(spec.frame_count);
  expect(result.windows.length, label).to.equal(clip.truth.windows.length);
  const intended = intendedFromTruth(instruction, clip.truth);
  const learning = learningRecord(label, intended, observedFromReport(result));
  const scores: FieldScores = { ...Object.fromEntries(Object.entries(learning.fields).map(([k, f]) => [k, f.agreement])), ...detailScores(clip.truth, result) };
  const rt = { label, instruction, spec, truth: clip.truth, report: result, learning, scores };
  all.push(rt);
  const f = learning.fields;
  const w = result.windows;
  console.log(`${label}: camera ${String(f.camera.intended)}→${w.map((x) => x.camera.move).join(',')} [${w.map((x) => `${x.camera.dx.toFixed(3)} ${x.camera.dy.toFixed(3)} ${x.camera.zoom.toFixed(3)} ${x.camera.roll.toFixed(1)}`).join(' | ')}] truth [${clip.truth.windows.map((x) => `${x.camera.dx.toFixed(3)} ${x.camera.dy.toFixed(3)} ${x.camera.zoom.toFixed(3)} ${x.camera.roll.toFixed(1)}`).join(' | ')}]; motion ${String(f.motion.intended)}→${w.map((x) => x.motion.level).join(',')}; gradient ${String(f.gradient.intended)}→${w.map((x) => x.gradient.type).join(',')}; lighting ${String(f.lighting.intended)}→${w.map((x) => x.lighting).join(',')}; palette ${JSON.stringify(f.palette.intended)}→${JSON.stringify(f.palette.observed)}; sound ${f.sound.agreement?.toFixed(3)} ${JSON.stringify(f.sound.intended)}→${JSON.stringify(f.sound.observed)}; tempo ${JSON.stringify(f.tempo.intended)}→${JSON.stringify(f.tempo.observed)}; scores ${JSON.stringify(scores)}`);
  return rt;
}

describe('round trip: made clips, analysed, agree with their intended truth', () => {
  after(() => {
    console.log(`round trip, ${all.length} clips:\n${formatAgreementTable(agreementTable(all.map((r) => ({ label: r.label, scores: r.scores }))))}`);
  });

  it('every camera move', async () => {
    for (const move of CAMERA_MOVES) {
      await roundTrip(`camera ${move}`, (i) => ((i.camera.move = move), (i.motion.level = move === 'static' ? 'still' : move === 'shake' ? 'fast' : 'medium')));
    }
  });

  it('every motion level', async () => {
    for (const level of MOTION_LEVELS) await roundTrip(`motion ${level}`, (i) => ((i.motion.level = level), (i.camera.move = level === 'still' ? 'static' : 'pan_right')));
  });

  it('every gradient type', async () => {
    for (const type of GRADIENT_TYPES) await roundTrip(`gradient ${type}`, (i) => ((i.gradient.type = type), (i.camera.move = 'static')));
  });

  it('every lighting label', async () => {
    for (const l of LIGHTING_TYPES) await roundTrip(`lighting ${l}`, (i) => ((i.lighting = l), (i.camera.move = 'static')));
  });

  it('sound mixes', async () => {
    for (const hz of [110, 440, 1760]) await roundTrip(`sound tone ${hz} Hz`, (i) => ((i.sound.primitives = ['tone']), (i.sound.tone_hz = hz), (i.camera.move = 'static')));
    await roundTrip('sound rumble', (i) => ((i.sound.primitives = ['rumble']), (i.camera.move = 'static')));
    await roundTrip('sound hiss', (i) => ((i.sound.primitives = ['hiss']), (i.camera.move = 'static')));
    await roundTrip('sound silence', (i) => ((i.sound.presence = 'absent'), (i.camera.move = 'static')));
    await roundTrip('sound tone+rumble+hiss', (i) => ((i.sound.primitives = ['tone', 'rumble', 'hiss']), (i.sound.tone_hz = 330), (i.camera.move = 'static')));
    await roundTrip('sound sparse', (i) => ((i.sound.presence = 'sparse'), (i.camera.move = 'static')));
  });

  it('tempo', async () => {
    for (const t of ['slow', 'medium', 'fast'] as const) await roundTrip(`tempo ${t}`, (i) => ((i.sound.tempo = t), (i.camera.move = 'static')), { width: 96, height: 72, duration_s: 4 });
  });
});
