import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { frameCandidates, growthCandidates, toPercentages, windowBlend, windowCandidates, FRAME_REGISTRIES, WINDOW_REGISTRIES } from '../../src/core/registry/growth.ts';
import { nearestPrimitive } from '../../src/core/registry/growth-color.ts';
import { learningRecord, observedFromReport, intendedFromInstruction, LEARNING_FIELDS } from '../../src/core/registry/learning.ts';
import { intendedNarrative, observedNarrative } from '../../src/core/registry/growth-narrative.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { windowBounds, type AnalysisReport, type FrameReport, type PictureWindowReport } from '../../src/core/report/analysis.ts';
import { classifyCameraMove, classifyLighting, classifyMotion, COLOR_PRIMITIVES, hexToRgb } from '../../src/core/vocab/index.ts';
import { openRegistries, listEntries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { exportRegistries } from '../../src/storage/export.ts';

/** A 2 s, 24 fps clip: first half teal/navy and a 440 Hz tone panning left slowly; second half orange/white, hiss, zooming in. */
function report(): AnalysisReport & { windows: PictureWindowReport[] } {
  const fps = 24;
  const n = 48;
  const frames: (FrameReport & { luma: { mean: number; std: number } })[] = [];
  for (let i = 0; i < n; i++) {
    const first = i < 24;
    const colors = first
      ? [{ rgb: [0, 128, 128] as [number, number, number], share: 70, primitive: 'teal' as const }, { rgb: [0, 0, 128] as [number, number, number], share: 29.5, primitive: 'navy' as const }, { rgb: [255, 0, 0] as [number, number, number], share: 0.5, primitive: 'red' as const }]
      : [{ rgb: [250, 160, 10] as [number, number, number], share: 60, primitive: 'orange' as const }, { rgb: [255, 255, 255] as [number, number, number], share: 40, primitive: 'white' as const }];
    const sound = first
      ? { breakdown: { silence: 0, tone: 96, rumble: 1, hiss: 3 }, rms_db: -12, centroid_hz: 450, flatness: 0.02, tone_hz: 440 + (i % 2) }
      : { breakdown: { silence: 0, tone: 2, rumble: 4, hiss: 94 }, rms_db: -18, centroid_hz: 6000, flatness: 0.8, tone_hz: null };
    frames.push({ index: i, t: i / fps, colors, depth: first ? { teal: 70, navy: 30 } : { orange: 60, white: 40 }, luma: first ? { mean: 0.35, std: 0.05 } : { mean: 0.8, std: 0.15 }, sound });
  }
  const windows: PictureWindowReport[] = windowBounds(n, fps).map(([s, e]) => {
    const first = s < 24;
    const cam = first ? { dx: 0.05, dy: 0, zoom: 0, roll: 0 } : { dx: 0, dy: 0, zoom: 0.2, roll: 0 };
    const speed = first ? 0.05 : 0.2;
    const luma = frames[s]!.luma;
    return {
      start_frame: s, end_frame: e, t0: s / fps, t1: (e + 1) / fps,
      motion: { level: classifyMotion(speed), speed },
      camera: { move: classifyCameraMove(cam), ...cam, confidence: 0.9 },
      gradient: first ? { type: 'linear_vertical', direction_deg: 90, center: null, fit: 0.9 } : { type: 'radial', direction_deg: null, center: [0.5, 0.5], fit: 0.8 },
      lighting: classifyLighting(luma.mean, luma.std),
      color: first ? { rgb: [0, 100, 128], depth: { teal: 70, navy: 20, black: 10 } } : { rgb: [252, 200, 120], depth: { orange: 60, white: 40 } },
      sound: { presence: 'full', mood: first ? 'calm' : 'bright', speech_share: 0 },
    };
  });
  return {
    schema: 'mp4-analysis/1', file: { name: 'x.mp4', bytes: 1000, sha256: '0'.repeat(64) }, container: { brand: 'isom', duration_s: 2, tracks: [] },
    video: { codec: 'avc1', width: 320, height: 180, fps, frame_count: n, duration_s: 2, rotation: 0, pixel_aspect: [1, 1], decodable: true }, audio: { codec: 'mp4a', sample_rate: 48000, channels: 1, duration_s: 2, decodable: true },
    frames, windows, tempo: { bpm: 120.4, label: 'medium', segments: [] }, melody: [{ midi: 69, start: 0, end: 1 }, { midi: 72, start: 1, end: 2 }],
    cuts: [{ frame: 24, t: 1 }], transitions: [], shots: [{ start_frame: 0, end_frame: 23, t0: 0, t1: 1 }, { start_frame: 24, end_frame: 47, t0: 1, t1: 2 }],
    narrative_observed: { label: 'observed', shots: [] }, warnings: [],
  };
}

describe('growth rules', () => {
  it('per frame: one candidate per distinct palette colour (tiny shares dropped) and per distinct sound', () => {
    const c = frameCandidates(report());
    const colors = c.filter((x) => x.registry === 'static.colors');
    expect(colors.map((x) => x.canonical).sort()).toEqual(['navy', 'orange', 'teal', 'white']);
    expect(colors.find((x) => x.canonical === 'teal')!.support).toBe(24);
    const sounds = c.filter((x) => x.registry === 'static.sound');
    expect(sounds).toHaveLength(2);
    const tone = sounds.find((s) => s.canonical === 'tone')!;
    expect((tone.value as { tone_hz: number }).tone_hz).toBeCloseTo(440, 0);
    expect(Object.values(tone.depth as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(sounds.find((s) => s.canonical === 'hiss')!.value).toMatchObject({ tone_hz: null });
  });

  it('per window: colour with depth, motion, camera with raw numbers, gradient, lighting, sound, blends; aggregates', () => {
    const c = windowCandidates(report());
    const by = (r: string) => c.filter((x) => x.registry === r);
    expect(by('dynamic.camera').map((x) => x.canonical).sort()).toEqual(['pan_left', 'zoom_in']);
    expect(by('dynamic.camera').find((x) => x.canonical === 'pan_left')!.value).toEqual({ raw: { dx: 0.05, dy: 0, zoom: 0, roll: 0 } });
    expect(by('dynamic.motion').map((x) => x.canonical).sort()).toEqual(['medium', 'slow']);
    expect(by('dynamic.gradient').map((x) => x.canonical).sort()).toEqual(['linear_vertical', 'radial']);
    expect(by('dynamic.lighting').map((x) => x.canonical).sort()).toEqual(['flat', 'high_key']);
    const learned = by('dynamic.colors');
    expect(learned).toHaveLength(2);
    expect(learned[0]!.depth).toEqual({ teal: 70, navy: 20, black: 10 });
    expect(by('dynamic.sound.mood').map((x) => x.canonical).sort()).toEqual(['bright', 'calm']);
    expect(by('dynamic.sound.presence')[0]!.value).toEqual({ raw: { non_silent_pct: 100 } });
    expect(by('dynamic.sound.speech')[0]!.canonical).toBe('no_speech');
    expect(by('dynamic.sound.tempo')[0]!.value).toEqual({ raw: { bpm: 120.4 } });
    expect(by('dynamic.sound.melody')[0]!.value).toEqual({ notes: [69, 72] });
    const blends = by('dynamic.blends');
    expect(blends).toHaveLength(2);
    for (const b of blends) expect(Object.values((b.value as { parts: Record<string, number> }).parts).reduce((a, x) => a + x, 0)).toBeCloseTo(100, 6);
    expect(Object.keys((blends[0]!.value as { parts: object }).parts).sort()).toEqual(['camera.pan_left', 'lighting.flat', 'motion.slow']);
  });

  it('modes select registries: frame → pure only, window → blended only, all → both', () => {
    const r = report();
    expect(new Set(growthCandidates(r, 'frame').map((c) => c.registry))).toEqual(new Set(FRAME_REGISTRIES));
    const w = new Set(growthCandidates(r, 'window').map((c) => c.registry));
    expect(w).toEqual(new Set(WINDOW_REGISTRIES));
    expect(growthCandidates(r, 'all')).toHaveLength(growthCandidates(r, 'frame').length + growthCandidates(r, 'window').length);
  });

  it('percentages sum to exactly 100 and the blend weights camera by confidence', () => {
    const p = toPercentages({ a: 1, b: 1, c: 1 });
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    const w = report().windows[0]!;
    const strong = windowBlend({ ...w, camera: { ...w.camera, confidence: 1 } });
    const weak = windowBlend({ ...w, camera: { ...w.camera, confidence: 0.2 } });
    expect(strong.parts['camera.pan_left']!).toBeGreaterThan(weak.parts['camera.pan_left']!);
    expect(weak.canonical).toBe('motion.slow');
    // Whatever the camera's weight, rounding never moves the canonical: the same motion and lighting give one blend.
    const canonicals = new Set(Array.from({ length: 101 }, (_, k) => windowBlend({ ...w, camera: { ...w.camera, confidence: k / 100 } }).canonical));
    expect([...canonicals]).toEqual(['motion.slow']);
  });

  it('nearest primitive: every primitive maps to itself', () => {
    for (const p of COLOR_PRIMITIVES) expect(nearestPrimitive(hexToRgb(p.hex))).toBe(p.name);
    expect(nearestPrimitive([250, 160, 10])).toBe('orange');
  });

  it('storage accepts every candidate; a second job repeats sightings instead of adding entries; the export sees every discovery', async () => {
    const db = await openRegistries(`growth-${Date.now()}`);
    const r = report();
    const sightings = growthCandidates(r, 'all').map(({ support: _s, ...c }) => c);
    const l = (id: string) => ({ job_id: id, agreement: 1 });
    const d1 = await recordJob(db, { job: { id: 'j1', created_at: '2026-01-01T00:00:00.000Z' }, learning: l('j1'), sightings });
    expect(d1.new.length).toBeGreaterThan(15);
    const d2 = await recordJob(db, { job: { id: 'j2', created_at: '2026-01-01T00:01:00.000Z' }, learning: l('j2'), sightings });
    expect(d2.new).toEqual([]);
    expect(d2.seen_again.length).toBe(d1.new.length + d1.seen_again.length);
    const teal = (await listEntries(db, 'static.colors')).find((e) => e.name === 'teal')!;
    expect(teal).toMatchObject({ count: 2, sources: ['j1', 'j2'] });
    const learned = (await listEntries(db, 'dynamic.colors')).filter((e) => e.origin === 'discovery');
    expect(learned.every((e) => e.depth !== null)).toBe(true);
    const ex = await exportRegistries(db);
    const exported = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.registry === 'string' && typeof o.name === 'string') exported.add(`${o.registry}/${o.name}`);
        else Object.values(o).forEach(walk);
      }
    };
    walk(ex);
    for (const key of d1.new) expect(exported.has(key), key).toBe(true);
    expect(ex.dynamic.blends.discoveries.length).toBe(2);
    db.close();
  });
});

describe('learning record', () => {
  it('scores each field and the total', () => {
    const r = report();
    const ins = emptyInstruction('teal and navy, slow pan left, calm 120 bpm tone');
    ins.palette.primitives = ['teal', 'navy', 'orange', 'white'];
    ins.camera.move = 'pan_left';
    ins.motion.level = 'fast';
    ins.sound.primitives = ['tone'];
    ins.sound.bpm = 120;
    const l = learningRecord('j', intendedFromInstruction(ins), observedFromReport(r));
    expect(Object.keys(l.fields)).toEqual([...LEARNING_FIELDS]);
    expect(l.fields.camera.agreement).toBe(1);
    expect(l.fields.motion.agreement).toBe(0);
    expect(l.fields.palette.agreement).toBe(1);
    expect(l.fields.gradient.agreement).toBeNull();
    // Half the frames are 96 % tone, half 2 % tone: total variation 4/100 and 98/100 → mean agreement 0.47.
    expect(l.fields.sound.agreement).toBeCloseTo(1 - (0.04 + 0.98) / 2, 6);
    expect((l.fields.sound.share_error as Record<string, number>).tone).toBeCloseTo((4 + 98) / 2, 6);
    expect(l.fields.tempo.agreement).toBeCloseTo(1 - 0.4 / 120 / 0.2, 6);
    const scored = [1, 0, 1, 1 - (0.04 + 0.98) / 2, 1 - 0.4 / 120 / 0.2];
    expect(l.agreement).toBeCloseTo(scored.reduce((a, b) => a + b) / scored.length, 3);
  });

  it('narrative layers are labelled and kept apart', () => {
    const ins = emptyInstruction('a calm forest');
    ins.narrative.settings = ['forest'];
    const i = intendedNarrative(ins, intendedFromInstruction(ins));
    const o = observedNarrative(report());
    expect(i.label).toBe('intended');
    expect(i.settings).toEqual(['forest']);
    expect(o.label).toBe('observed');
    expect(o.palette).toEqual(['teal', 'orange', 'white', 'navy']);
    expect(o.cuts).toBe(1);
  });
});
