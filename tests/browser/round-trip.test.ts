// Round trip (issue #5): clips made by our creation code (buildSpec → createClip) for every camera move, motion
// level, gradient type, lighting label and a set of sound mixes and tempos, analysed by our extraction code
// (analyzeMp4), and compared with what they were made to be (the clip's intended truth) field by field: the
// loop's learning record (intendedFromTruth vs observedFromReport) plus window- and frame-level fields.
import { expect } from 'chai';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { LEARNING_FIELDS, learningRecord, observedFromReport, type IntendedValues, type Learning } from '../../src/core/registry/learning.ts';
import { asPictureReport, type PictureReport } from '../fixtures/truth-helpers.ts';
import { agreementTable, formatAgreementTable, type FieldScores } from '../helpers/agreement-table.ts';
import { buildSpec, type BuildSpecOptions } from '../../src/core/plan/build-spec.ts';
import type { IntendedTruth } from '../../src/core/render/intended-truth.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import type { Spec } from '../../src/core/plan/spec.ts';
import { CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, PRESENCE_LEVELS, SOUND_PRIMITIVES, TEMPO_LABELS, classifyTempo, type CameraMove, type Presence, type SoundBreakdown, type SoundPrimitive } from '../../src/core/vocab/index.ts';
import { analyzeMp4 } from '../../src/media/analyze-client.ts';
import { createClip } from '../../src/media/create-clip.ts';
import { intendedFromTruth } from '../../src/loop/intended-from-truth.ts';

/** The size of the sweep's clips (small: the whole file runs in about a minute on 2 cores), 1 s at 30 fps. */
const SWEEP: Partial<BuildSpecOptions> = { width: 160, height: 120, duration_s: 1 };
/** The loop's own clips: buildSpec's defaults (320×240, pure cells of 2×2 px; the 160×120 sweep keeps 1 px), 1 s. */
const LOOP_SIZE: Partial<BuildSpecOptions> = { width: 320, height: 240, duration_s: 1 };
/** Tempo needs several beats (the comb scores 1–4 beat periods; 72 bpm is 0.83 s a beat): 4 s, at a small size. */
const TEMPO: Partial<BuildSpecOptions> = { width: 96, height: 72, duration_s: 4 };

/** One made-and-analysed clip, scored against its intended truth and against a deliberately wrong one. */
interface RoundTrip {
  label: string;
  spec: Spec;
  truth: IntendedTruth;
  report: PictureReport;
  learning: Learning;
  scores: FieldScores;
  wrong: FieldScores;
}

const all: RoundTrip[] = [];
/** The clips made at the loop's own size (kept out of the main table: docs/round-trip.md, known limits). */
const atLoopSize: RoundTrip[] = [];

const OPPOSITE_MOVE: Record<CameraMove, CameraMove> = {
  static: 'shake', shake: 'static', pan_left: 'pan_right', pan_right: 'pan_left', tilt_up: 'tilt_down', tilt_down: 'tilt_up',
  zoom_in: 'zoom_out', zoom_out: 'zoom_in', roll_cw: 'roll_ccw', roll_ccw: 'roll_cw',
};

/** The next label of a vocabulary (wrapping): a value that is certainly not `v`. */
function other<T>(vocab: readonly T[], v: T): T {
  return vocab[(vocab.indexOf(v) + 1) % vocab.length]!;
}

/**
 * A deliberately wrong intention: the opposite camera move, another motion level, gradient type and lighting, a palette
 * of the primitives not intended, each frame's sound shares rotated (tone→rumble→hiss→silence→tone), the tempo 50 % off
 * (agreement reaches 0 at 20 % off: a tempo read within 2 % is then ≥ 32 % from it; at 25 % off it was only 18 %).
 */
function wrongIntended(i: IntendedValues): IntendedValues {
  const rotate = (b: SoundBreakdown): SoundBreakdown => ({ tone: b.silence, rumble: b.tone, hiss: b.rumble, silence: b.hiss });
  const bpm = i.tempo_bpm === null ? null : i.tempo_bpm * 1.5;
  return {
    camera: i.camera && OPPOSITE_MOVE[i.camera],
    motion: i.motion && other(MOTION_LEVELS, i.motion),
    gradient: i.gradient && other(GRADIENT_TYPES, i.gradient),
    lighting: i.lighting && other(LIGHTING_TYPES, i.lighting),
    palette: COLOR_PRIMITIVE_NAMES.filter((p) => !i.palette.includes(p)),
    sound_frames: i.sound_frames && i.sound_frames.map((b) => b && rotate(b)),
    tempo_bpm: bpm,
    tempo: bpm === null ? i.tempo : classifyTempo(bpm),
  };
}

function share(xs: readonly boolean[]): number | null {
  return xs.length === 0 ? null : xs.filter(Boolean).length / xs.length;
}

type TruthWindow = IntendedTruth['windows'][number];
type ObservedWindow = PictureReport['windows'][number];

/** The raw camera number a steady move is made of (null for static and shake). */
function moveComponent(move: CameraMove): 'dx' | 'dy' | 'zoom' | 'roll' | null {
  return move.startsWith('pan') ? 'dx' : move.startsWith('tilt') ? 'dy' : move.startsWith('zoom') ? 'zoom' : move.startsWith('roll') ? 'roll' : null;
}

/**
 * Window- and frame-level agreement (share of windows or frames that agree; null where the field does not apply).
 * `wrong` perturbs the intended side the way wrongIntended does: opposite move, raw number doubled, another level,
 * type or lighting, direction turned 90°, centre moved by 0.25, presence changed, loudness +6 dB, pitch 2 semitones up.
 */
function detailScores(truth: IntendedTruth, report: PictureReport, wrong: boolean): FieldScores {
  const pairs = truth.windows.flatMap((t, k) => (report.windows[k] ? [[t, report.windows[k]] as [TruthWindow, ObservedWindow]] : []));
  const key = moveComponent(truth.camera.move);
  // Direction or centre, on the windows whose type was read right (a wrong type is counted in gradient_window).
  const geometry = pairs.flatMap(([t, o]) => {
    const g = t.gradient;
    if (o.gradient.type !== g.type) return [];
    if (g.type.startsWith('linear') && g.direction_deg !== null) {
      const want = g.direction_deg + (wrong ? 90 : 0);
      return [o.gradient.direction_deg !== null && Math.abs(((o.gradient.direction_deg - want + 540) % 360) - 180) <= 10];
    }
    if (g.type === 'radial' && g.center) {
      const want = wrong ? [(g.center[0] + 0.25) % 1, (g.center[1] + 0.25) % 1] : g.center;
      return [o.gradient.center !== null && Math.hypot(o.gradient.center[0] - want[0]!, o.gradient.center[1] - want[1]!) <= 0.1];
    }
    return [];
  });
  const tonal: boolean[] = [];
  const loud: boolean[] = [];
  truth.frames.forEach((f, i) => {
    const o = report.frames[i]?.sound;
    if (!f.sound || !o) return;
    if (f.sound.breakdown.silence < 100) loud.push(Math.abs(o.rms_db - f.sound.rms_db - (wrong ? 6 : 0)) <= 2);
    const hz = f.sound.tone_hz === null ? null : f.sound.tone_hz * (wrong ? 2 ** (2 / 12) : 1);
    if (hz !== null && f.sound.breakdown.tone >= 80) tonal.push(o.tone_hz !== null && Math.abs(o.tone_hz / hz - 1) <= 0.03);
  });
  const presence = (p: Presence): Presence => (wrong ? other(PRESENCE_LEVELS, p) : p);
  // The clip's mean breakdown over the frames both sides have: 1 − total-variation distance (shares 0–100).
  const both = truth.frames.flatMap((f, i) => (f.sound && report.frames[i]?.sound ? [[f.sound.breakdown, report.frames[i]!.sound!.breakdown] as const] : []));
  const meanOf = (k: 0 | 1, p: SoundPrimitive) => both.reduce((a, b) => a + b[k][p], 0) / both.length;
  const turn: Record<SoundPrimitive, SoundPrimitive> = { silence: 'tone', tone: 'rumble', rumble: 'hiss', hiss: 'silence' };
  const soundClip = both.length === 0 ? null : 1 - SOUND_PRIMITIVES.reduce((a, p) => a + Math.abs(meanOf(1, wrong ? turn[p] : p) - meanOf(0, p)), 0) / 200;
  // Melody: the share of the intended notes' time covered by observed notes of the same MIDI number.
  let noteTime = 0;
  let covered = 0;
  for (const n of truth.melody) {
    const midi = n.midi + (wrong ? 2 : 0);
    noteTime += n.end - n.start;
    for (const o of report.melody) if (o.midi === midi) covered += Math.max(0, Math.min(o.end, n.end) - Math.max(o.start, n.start));
  }
  const tempoLabel = wrong ? other(TEMPO_LABELS, truth.tempo.label) : truth.tempo.label;
  return {
    camera_window: share(pairs.map(([t, o]) => (wrong ? OPPOSITE_MOVE[t.camera.move] : t.camera.move) === o.camera.move)),
    camera_raw: key ? share(pairs.map(([t, o]) => Math.abs(o.camera[key] - (wrong ? 2 : 1) * t.camera[key]) <= 0.25 * Math.abs(t.camera[key]))) : null,
    motion_window: share(pairs.map(([t, o]) => (wrong ? other(MOTION_LEVELS, t.motion.level) : t.motion.level) === o.motion.level)),
    gradient_window: share(pairs.map(([t, o]) => (wrong ? other(GRADIENT_TYPES, t.gradient.type) : t.gradient.type) === o.gradient.type)),
    gradient_geometry: share(geometry),
    lighting_window: share(pairs.map(([t, o]) => (wrong ? other(LIGHTING_TYPES, t.lighting) : t.lighting) === o.lighting)),
    presence_window: share(pairs.flatMap(([t, o]) => (t.sound && o.sound ? [presence(t.sound.presence) === o.sound.presence] : []))),
    loudness_frame: share(loud),
    tone_pitch: share(tonal),
    sound_clip: soundClip,
    speech_window: share(pairs.flatMap(([t, o]) => (t.sound && o.sound ? [Math.abs(o.sound.speech_share - (wrong ? 100 : t.sound.speech_share)) <= 20] : []))),
    tempo_label: report.audio ? Number(tempoLabel === (report.tempo?.label ?? 'none')) : null,
    melody: noteTime > 0 ? Math.min(1, covered / noteTime) : null,
  };
}

/** Agreements of the learning record's fields, then the detail fields. */
function scoresOf(learning: Learning, detail: FieldScores): FieldScores {
  return { ...Object.fromEntries(LEARNING_FIELDS.map((k) => [k, learning.fields[k].agreement])), ...detail };
}

function rawText(c: { dx: number; dy: number; zoom: number; roll: number }): string {
  return `${c.dx.toFixed(3)} ${c.dy.toFixed(3)} ${c.zoom.toFixed(3)} ${c.roll.toFixed(1)}`;
}

/** Make a clip from an instruction, analyse it, and score it against its truth and a wrong one; kept for the table. */
async function roundTrip(label: string, patch: (i: Instruction) => void, opts: Partial<BuildSpecOptions> = SWEEP, into = all): Promise<RoundTrip> {
  const instruction = emptyInstruction(label);
  patch(instruction);
  const spec = buildSpec(instruction, primitiveKnowledge(), { seed: `round-trip:${label}`, ...opts });
  const clip = await createClip(spec);
  const result = asPictureReport(await analyzeMp4(clip.mp4, { name: `${label}.mp4` }));
  expect(result.frames.length, label).to.equal(spec.frame_count);
  expect(result.windows.length, label).to.equal(clip.truth.windows.length);
  const intended = intendedFromTruth(instruction, clip.truth);
  const observed = observedFromReport(result);
  const learning = learningRecord(label, intended, observed);
  const rt: RoundTrip = {
    label,
    spec,
    truth: clip.truth,
    report: result,
    learning,
    scores: scoresOf(learning, detailScores(clip.truth, result, false)),
    wrong: scoresOf(learningRecord(label, wrongIntended(intended), observed), detailScores(clip.truth, result, true)),
  };
  into.push(rt);
  const f = learning.fields;
  const w = result.windows;
  console.log(
    `${label}: camera ${String(f.camera.intended)} → ${w.map((x) => `${x.camera.move} [${rawText(x.camera)}]`).join(', ')} (truth [${clip.truth.windows.map((x) => rawText(x.camera)).join('], [')}]); ` +
      `motion ${String(f.motion.intended)} → ${w.map((x) => x.motion.level).join(',')}; gradient ${String(f.gradient.intended)} → ${w.map((x) => x.gradient.type).join(',')}; ` +
      `lighting ${String(f.lighting.intended)} → ${w.map((x) => x.lighting).join(',')}; palette ${(f.palette.intended as string[]).join(',')} → ${(f.palette.observed as string[]).join(',')}; ` +
      `sound ${JSON.stringify(f.sound.intended)} → ${JSON.stringify(f.sound.observed)}, speech ${w.map((x) => x.sound?.speech_share ?? '-').join(',')}; tempo ${JSON.stringify(f.tempo.intended)} → ${JSON.stringify(f.tempo.observed)}`,
  );
  return rt;
}

function scoreOf(r: RoundTrip, field: string): number | null {
  return r.scores[field] ?? null;
}

/** Per-field floors (mean and lowest clip) over all clips, set from the measured table with a margin (docs/round-trip.md). */
const FLOORS: Record<string, { mean: number; min: number }> = {
  camera: { mean: 0.95, min: 1 },
  motion: { mean: 0.95, min: 1 },
  gradient: { mean: 0.6, min: 0 },
  lighting: { mean: 0.95, min: 1 },
  palette: { mean: 0.7, min: 0.25 },
  sound: { mean: 0.95, min: 0.9 },
  tempo: { mean: 0.95, min: 0.9 },
  camera_window: { mean: 0.95, min: 0.5 },
  camera_raw: { mean: 0.9, min: 0.5 },
  motion_window: { mean: 0.95, min: 0.5 },
  gradient_window: { mean: 0.6, min: 0 },
  gradient_geometry: { mean: 0.95, min: 0.5 },
  lighting_window: { mean: 0.95, min: 1 },
  presence_window: { mean: 0.9, min: 0.5 },
  loudness_frame: { mean: 0.95, min: 0.9 },
  tone_pitch: { mean: 0.95, min: 0.9 },
  sound_clip: { mean: 0.95, min: 0.9 },
  speech_window: { mean: 0.85, min: 0 },
  tempo_label: { mean: 0.95, min: 0.9 },
  melody: { mean: 0.6, min: 0.3 },
};

/**
 * Ceilings on the mean agreement with a deliberately wrong intention: the comparison must tell right from wrong.
 * Sound 0.25: every frame now mixes two or more pool sounds, so a clip's mean breakdown is near-balanced and the
 * rotated breakdown of the wrong intention lands close to it (measured 0.20; sound_clip alone 0.38, so 0.45); its
 * level, pitch and presence parts still score 0.
 */
const WRONG_CEILINGS: Record<string, number> = {
  camera: 0, motion: 0.1, gradient: 0.15, lighting: 0.1, palette: 0.1, sound: 0.25, tempo: 0,
  camera_window: 0.05, camera_raw: 0, motion_window: 0.1, gradient_window: 0.15, gradient_geometry: 0, lighting_window: 0.1,
  presence_window: 0.1, loudness_frame: 0.05, tone_pitch: 0, sound_clip: 0.45, speech_window: 0.1, tempo_label: 0.05, melody: 0,
};

describe('round trip: made clips, analysed, agree with their intended truth field by field', () => {
  it('every camera move (160×120): the move in every window, its raw number within 25 %, a wrong move never', async () => {
    for (const move of CAMERA_MOVES) {
      const r = await roundTrip(`camera ${move}`, (i) => ((i.camera.move = move), (i.motion.level = move === 'static' ? 'still' : move === 'shake' ? 'fast' : 'medium')));
      expect(r.learning.fields.camera.agreement, r.label).to.equal(1);
      expect(r.wrong.camera, r.label).to.equal(0);
      expect(r.learning.fields.motion.agreement, r.label).to.equal(1);
    }
  });

  it('every motion level', async () => {
    for (const level of MOTION_LEVELS) {
      const r = await roundTrip(`motion ${level}`, (i) => ((i.motion.level = level), (i.camera.move = level === 'still' ? 'static' : 'pan_right')));
      expect(r.learning.fields.motion.agreement, r.label).to.equal(1);
      expect(scoreOf(r, 'motion_window'), r.label).to.equal(1);
    }
  });

  it('every gradient type on a static shot: the type, and the direction or centre', async () => {
    for (const type of GRADIENT_TYPES) {
      const r = await roundTrip(`gradient ${type}`, (i) => ((i.gradient.type = type), (i.camera.move = 'static')));
      // A flat gradient in pure mode is a per-pixel mix of pool colours: at 160×120 the analysis grid (32×32 cells of
      // ~19 pixels) keeps enough of it to read `complex` (docs/round-trip.md, known limits).
      if (type !== 'flat') expect(scoreOf(r, 'gradient_window'), r.label).to.equal(1);
      if (type.startsWith('linear') || type === 'radial') expect(scoreOf(r, 'gradient_geometry'), r.label).to.equal(1);
    }
  });

  it('every lighting label', async () => {
    for (const l of LIGHTING_TYPES) {
      const r = await roundTrip(`lighting ${l}`, (i) => ((i.lighting = l), (i.camera.move = 'static')));
      expect(r.truth.lighting, `${r.label}: the clip is made ${l}`).to.equal(l);
      expect(scoreOf(r, 'lighting_window'), r.label).to.equal(1);
    }
  });

  it('sound mixes: tones at several pitches, rumble, hiss, silence, a mix of all three, sparse sound', async () => {
    for (const hz of [110, 220, 440, 1760]) {
      const r = await roundTrip(`sound tone ${hz} Hz`, (i) => ((i.sound.primitives = ['tone']), (i.sound.tone_hz = hz), (i.camera.move = 'static')));
      // 110 Hz has 3.7 cycles in a 1/30 s frame: the analysis asks more of so low a peak and hears part of it as rumble.
      expect(r.learning.fields.sound.agreement, r.label).to.be.at.least(hz < 200 ? 0.25 : 0.8);
      if (hz >= 200) expect(scoreOf(r, 'tone_pitch'), r.label).to.be.at.least(0.9);
    }
    for (const p of ['rumble', 'hiss'] as const) {
      const r = await roundTrip(`sound ${p}`, (i) => ((i.sound.primitives = [p]), (i.camera.move = 'static')));
      expect(r.learning.fields.sound.agreement, r.label).to.be.at.least(0.8);
    }
    const silent = await roundTrip('sound silence', (i) => ((i.sound.presence = 'absent'), (i.camera.move = 'static')));
    expect(silent.learning.fields.sound.agreement, silent.label).to.equal(1);
    expect(silent.report.windows.every((w) => w.sound?.presence === 'absent'), silent.label).to.equal(true);
    const mix = await roundTrip('sound tone+rumble+hiss', (i) => ((i.sound.primitives = ['tone', 'rumble', 'hiss']), (i.sound.tone_hz = 330), (i.camera.move = 'static')));
    expect(mix.learning.fields.sound.agreement, mix.label).to.be.at.least(0.35);
    const sparse = await roundTrip('sound sparse', (i) => ((i.sound.presence = 'sparse'), (i.camera.move = 'static')));
    expect(sparse.learning.fields.sound.agreement, sparse.label).to.be.at.least(0.6);
    for (const r of all.filter((x) => x.label.startsWith('sound '))) {
      // 110 Hz is left out: the analysis hears it partly as rumble, so a breakdown rotated tone→rumble agrees better.
      if (r.wrong.sound !== null && r.learning.fields.sound.agreement! >= 0.5) expect(r.wrong.sound, `${r.label}: a rotated breakdown agrees less`).to.be.below(r.learning.fields.sound.agreement! - 0.2);
    }
  });

  it('tempo: click tracks at slow, medium and fast tempos within 2 %, and 50 % off never agrees', async () => {
    for (const t of ['slow', 'medium', 'fast'] as const) {
      const r = await roundTrip(`tempo ${t}`, (i) => ((i.sound.tempo = t), (i.camera.move = 'static')), TEMPO);
      expect(r.learning.fields.tempo.agreement, r.label).to.be.at.least(0.9);
      expect(r.report.tempo?.label, r.label).to.equal(t);
      expect(r.wrong.tempo, r.label).to.equal(0);
    }
  });

  it('blended mode (one smooth palette gradient, a melody and a click track): melody notes and tempo', async () => {
    for (const t of ['slow', 'medium', 'fast'] as const) {
      const r = await roundTrip(`blended tempo ${t}`, (i) => ((i.sound.tempo = t), (i.camera.move = 'static')), { ...TEMPO, mode: 'blended' });
      console.log(`${r.label}: melody ${JSON.stringify(r.truth.melody)} → ${JSON.stringify(r.report.melody)}`);
      expect(r.scores.melody, r.label).to.be.at.least(0.3);
      expect(r.wrong.melody, r.label).to.equal(0);
    }
  });

  it('prints the agreement per field over all clips; each field above its floor and a wrong intention below its ceiling', () => {
    const table = agreementTable(all.map((r) => ({ label: r.label, scores: r.scores })));
    const wrong = agreementTable(all.map((r) => ({ label: r.label, scores: r.wrong })));
    console.log(`round trip, ${all.length} clips, agreement with the intended truth:\n${formatAgreementTable(table)}`);
    console.log(`the same clips against a deliberately wrong intention:\n${formatAgreementTable(wrong)}`);
    expect(all.length).to.equal(CAMERA_MOVES.length + MOTION_LEVELS.length + GRADIENT_TYPES.length + LIGHTING_TYPES.length + 9 + 3 + 3);
    expect(table.map((r) => r.field).sort()).to.deep.equal(Object.keys(FLOORS).sort());
    for (const row of table) {
      const floor = FLOORS[row.field]!;
      expect(row.mean, `${row.field} mean`).to.be.at.least(floor.mean);
      expect(row.min, `${row.field} lowest (${row.worst})`).to.be.at.least(floor.min);
      const w = wrong.find((x) => x.field === row.field);
      expect(w, `${row.field} scored against a wrong intention`).to.not.equal(undefined);
      expect(w!.mean, `${row.field} with a wrong intention`).to.be.at.most(WRONG_CEILINGS[row.field]!);
      expect(w!.mean, `${row.field}: right beats wrong`).to.be.below(row.mean);
    }
  });

  it('at the loop\'s clip size (320×240, pure cells of 2×2 px): every move read right or not at all (no texture found), never a confident wrong move', async () => {
    // Some of the loop's clips fail to encode (OpenH264 "Encoding error" on high-contrast 5–6 colour pixel noise:
    // 2 of 30 default clips, 3 of these 12; docs/round-trip.md): they are counted and logged, and cannot be analysed.
    const unencoded: string[] = [];
    const attempt = async (label: string, patch: (i: Instruction) => void) => {
      try {
        await roundTrip(label, patch, LOOP_SIZE, atLoopSize);
      } catch (e) {
        if (!(e instanceof Error && e.name === 'OperationError' && e.message.includes('OpenH264'))) throw e;
        unencoded.push(label);
        console.log(`${label}: not made: ${e.name}: ${e.message}`);
      }
    };
    for (const move of CAMERA_MOVES) await attempt(`320×240 camera ${move}`, (i) => ((i.camera.move = move), (i.motion.level = move === 'static' ? 'still' : move === 'shake' ? 'fast' : 'medium')));
    for (const level of ['slow', 'fast'] as const) await attempt(`320×240 motion ${level}`, (i) => ((i.motion.level = level), (i.camera.move = 'pan_right')));
    // The refusals are a creation defect, reported (not asserted away); the clips that were made must be enough to judge.
    console.log(`at the loop's clip size: ${unencoded.length} of ${CAMERA_MOVES.length + 2} clips not encoded (${unencoded.join(', ') || 'none'})`);
    expect(atLoopSize.length).to.be.at.least(8);
    const table = agreementTable(atLoopSize.map((r) => ({ label: r.label, scores: { camera: r.scores.camera ?? null, motion: r.scores.motion ?? null, camera_window: r.scores.camera_window ?? null, camera_raw: r.scores.camera_raw ?? null } })));
    console.log(`at the loop's clip size, ${atLoopSize.length} clips (${unencoded.length} more not encoded):\n${formatAgreementTable(table)}`);
    for (const r of atLoopSize) {
      r.report.windows.forEach((w, k) => {
        const want = r.truth.windows[k]!.camera.move;
        const msg = `${r.label} window ${k}: ${w.camera.move} (confidence ${w.camera.confidence}), made ${want}`;
        if (w.camera.move !== want) expect(w.camera.confidence, msg).to.be.below(0.1);
        if (w.camera.confidence > 0.5) expect(w.camera.move, msg).to.equal(want);
      });
    }
    expect(table.find((x) => x.field === 'camera')!.mean).to.be.at.least(0.5);
  });
});
