import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import {
  findMatch, sameColor, sameDynamic, sameSound, sameValue, DYNAMIC_THRESHOLDS, type Candidate,
} from '../../src/core/registry/identity.ts';
import { recordId, type PutEntry, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import { applyMutations, canonicalState, emptyState } from '../../src/core/registry/registry-state.ts';
import type { RegistryEntry, StaticSoundValue } from '../../src/core/registry/entry.ts';

const sound = (tone: number, rumble: number, hiss: number, tone_hz: number | null): StaticSoundValue => ({ breakdown: { silence: 0, tone, rumble, hiss }, tone_hz });

function entry(over: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    key: 'static.colors/x', registry: 'static.colors', name: 'x', origin: 'discovery', canonical: 'red',
    value: { rgb: [200, 10, 10], hex: '#c80a0a' }, depth: null, count: 1, first_seen: '2026-01-01T00:00:00.000Z',
    last_seen: '2026-01-01T00:00:00.000Z', sources: ['job-1'], ...over,
  };
}

describe('sameColor (ΔE_ok < 0.02)', () => {
  it('one unit of a channel is the same colour, a visible step is not', () => {
    expect(sameColor([128, 128, 128], [128, 128, 128])).toBe(true);
    expect(sameColor([128, 128, 128], [129, 128, 128])).toBe(true);
    expect(sameColor([128, 128, 128], [150, 128, 128])).toBe(false);
    expect(sameColor([0, 0, 0], [255, 255, 255])).toBe(false);
  });
  it('is symmetric and reflexive over random colours', () => {
    const rng = seedrandom('colors');
    const rand = (): [number, number, number] => [0, 0, 0].map(() => Math.floor(rng() * 256)) as [number, number, number];
    for (let i = 0; i < 500; i++) {
      const a = rand();
      const b: [number, number, number] = [a[0], Math.min(255, a[1] + Math.floor(rng() * 8)), a[2]];
      expect(sameColor(a, a)).toBe(true);
      expect(sameColor(a, b)).toBe(sameColor(b, a));
    }
  });
  it('the threshold sits between 0.02 and a step that crosses it (grey ramp)', () => {
    // On a grey ramp ΔE grows with the step: find the first step that is not the same colour.
    let step = 1;
    while (sameColor([100, 100, 100], [100 + step, 100 + step, 100 + step])) step++;
    expect(step).toBeGreaterThan(1);
    expect(step).toBeLessThan(20);
  });
});

describe('sameSound (shares within 10 points, tone within a semitone)', () => {
  it('compares shares point by point', () => {
    expect(sameSound(sound(80, 10, 10, 440), sound(70, 15, 15, 440))).toBe(true);
    expect(sameSound(sound(80, 10, 10, 440), sound(69, 16, 15, 440))).toBe(false);
  });
  it('tone: both null, or both present within one semitone', () => {
    expect(sameSound(sound(0, 50, 50, null), sound(0, 50, 50, null))).toBe(true);
    expect(sameSound(sound(50, 50, 0, 440), sound(50, 50, 0, null))).toBe(false);
    expect(sameSound(sound(90, 5, 5, 440), sound(90, 5, 5, 440 * 2 ** (1 / 12)))).toBe(true);
    expect(sameSound(sound(90, 5, 5, 440), sound(90, 5, 5, 440 * 2 ** (1.05 / 12)))).toBe(false);
    expect(sameSound(sound(90, 5, 5, 440), sound(90, 5, 5, 440 * 2 ** (-1.05 / 12)))).toBe(false);
  });
  it('is symmetric over random breakdowns', () => {
    const rng = seedrandom('sounds');
    for (let i = 0; i < 500; i++) {
      const t = rng() * 100;
      const r = rng() * (100 - t);
      const a = sound(t, r, 100 - t - r, rng() < 0.5 ? null : 100 + rng() * 1000);
      const d = (rng() - 0.5) * 30;
      const b = sound(Math.max(0, t + d), r, Math.max(0, 100 - t - r - d), a.tone_hz === null ? null : a.tone_hz * 2 ** ((rng() - 0.5) * 3 / 12));
      expect(sameSound(a, b)).toBe(sameSound(b, a));
    }
  });
});

describe('sameDynamic (same label, raw within 10 % of threshold)', () => {
  const cam = DYNAMIC_THRESHOLDS['dynamic.camera'];
  const motion = DYNAMIC_THRESHOLDS['dynamic.motion'];
  it('camera: translation tolerance 0.003 diag/s, roll 0.2 °/s', () => {
    const a = { canonical: 'pan_left', raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } };
    expect(sameDynamic(a, { canonical: 'pan_left', raw: { dx: 0.1029, dy: 0, zoom: 0, roll: 0 } }, cam)).toBe(true);
    expect(sameDynamic(a, { canonical: 'pan_left', raw: { dx: 0.1031, dy: 0, zoom: 0, roll: 0 } }, cam)).toBe(false);
    expect(sameDynamic(a, { canonical: 'pan_left', raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0.19 } }, cam)).toBe(true);
    expect(sameDynamic(a, { canonical: 'pan_left', raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0.21 } }, cam)).toBe(false);
    expect(sameDynamic(a, { canonical: 'pan_right', raw: a.raw }, cam)).toBe(false);
  });
  it("motion: 10 % of the level's own boundary", () => {
    expect(sameDynamic({ canonical: 'slow', raw: { speed: 0.05 } }, { canonical: 'slow', raw: { speed: 0.0595 } }, motion)).toBe(true);
    expect(sameDynamic({ canonical: 'slow', raw: { speed: 0.05 } }, { canonical: 'slow', raw: { speed: 0.0605 } }, motion)).toBe(false);
    expect(sameDynamic({ canonical: 'still', raw: { speed: 0.01 } }, { canonical: 'still', raw: { speed: 0.0119 } }, motion)).toBe(true);
    expect(sameDynamic({ canonical: 'still', raw: { speed: 0.01 } }, { canonical: 'still', raw: { speed: 0.0121 } }, motion)).toBe(false);
    expect(sameDynamic({ canonical: 'fast', raw: { speed: 0.5 } }, { canonical: 'fast', raw: { speed: 0.534 } }, motion)).toBe(true);
  });
  it('label-only values (primitives) match only label-only values', () => {
    expect(sameDynamic({ canonical: 'slow', raw: {} }, { canonical: 'slow', raw: {} }, motion)).toBe(true);
    expect(sameDynamic({ canonical: 'slow', raw: {} }, { canonical: 'slow', raw: { speed: 0.05 } }, motion)).toBe(false);
  });
});

describe('findMatch', () => {
  it('finds the closest same value of the same registry, or nothing', () => {
    const a = entry({ key: 'static.colors/a', name: 'a', value: { rgb: [200, 10, 10], hex: '#c80a0a' } });
    const b = entry({ key: 'static.colors/b', name: 'b', value: { rgb: [201, 10, 10], hex: '#c90a0a' } });
    const c: Candidate = { registry: 'static.colors', canonical: 'red', value: { rgb: [201, 11, 10], hex: '#c90b0a' } };
    expect(findMatch([a, b], c)?.name).toBe('b');
    expect(findMatch([a, b], { ...c, registry: 'dynamic.colors' })).toBeUndefined();
    expect(findMatch([a, b], { ...c, value: { rgb: [10, 200, 10], hex: '#0ac80a' } })).toBeUndefined();
  });
  it('melodies are the same note sequence; blends the same dominant label and parts within 10 points', () => {
    const mel = entry({ registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 62, 64] } });
    expect(sameValue(mel, { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 62, 64] } })).toBe(true);
    expect(sameValue(mel, { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 62, 65] } })).toBe(false);
    const blend = entry({ registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 60, 'lighting.flat': 40 } } });
    expect(sameValue(blend, { registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 55, 'lighting.flat': 45 } } })).toBe(true);
    expect(sameValue(blend, { registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 45, 'lighting.flat': 55 } } })).toBe(false);
  });
});

describe('merge (sightings of one entry under the merge rule)', () => {
  const put: PutEntry = {
    type: 'put-entry', registry: 'static.colors', base: 'Red', name: 'Red', origin: 'discovery', canonical: 'red',
    value: { rgb: [200, 0, 0], hex: '#c80000' }, depth: null, claim: { recorded_at: '2026-01-01T00:00:00.000Z', source: 'job-1', client: '' },
  };
  const sight = (source: string, seen_at: string): RegistryMutation => ({ type: 'add-sighting', registry: 'static.colors', base: 'Red', record: recordId(put), source, seen_at });
  const grown = (...more: RegistryMutation[]) => applyMutations(emptyState(), [put, sight('job-1', '2026-01-01T00:00:00.000Z'), ...more]).entries.get('static.colors/Red');
  it('a new source increments count, appends the source, widens last_seen', () => {
    const m = grown(sight('job-2', '2026-02-01T00:00:00.000Z'));
    expect(m?.count).toBe(2);
    expect(m?.sources).toEqual(['job-1', 'job-2']);
    expect(m?.last_seen).toBe('2026-02-01T00:00:00.000Z');
    expect(m?.first_seen).toBe('2026-01-01T00:00:00.000Z');
    expect(m?.name).toBe('Red');
  });
  it('an older sighting does not move last_seen back', () => {
    const m = grown(sight('job-0', '2025-06-01T00:00:00.000Z'));
    expect(m?.last_seen).toBe('2026-01-01T00:00:00.000Z');
    expect(m?.first_seen).toBe('2025-06-01T00:00:00.000Z');
  });
  it('is idempotent over random sighting sequences: replaying any sighting changes nothing', () => {
    const rng = seedrandom('merge');
    for (let trial = 0; trial < 200; trial++) {
      const seen: RegistryMutation[] = [];
      for (let i = 0; i < 20; i++) seen.push(sight(`job-${Math.floor(rng() * 8)}`, new Date(Date.UTC(2026, 0, 1 + Math.floor(rng() * 300))).toISOString()));
      const state = applyMutations(emptyState(), [put, ...seen]);
      const e = state.entries.get('static.colors/Red');
      const distinct = new Set(seen.map((s) => (s as { source: string }).source));
      expect(e?.count).toBe(distinct.size);
      expect(new Set(e?.sources)).toEqual(distinct);
      expect(e?.last_seen).toBe(seen.map((s) => (s as { seen_at: string }).seen_at).sort().at(-1));
      expect(canonicalState(applyMutations(state, seen))).toEqual(canonicalState(state));
    }
  });
});
