// Tempo and melody on the wider music sample (tests/fixtures/real/music-varied/make.mjs): 3/4 and 6/8, drumless piano,
// strings and plucked pieces, half-time feels, sparse ballads, busy 160–180 bpm and jazz swing, rendered by fluidsynth.
// Truth is the MIDI: the beat a listener taps (the dotted quarter in 6/8) and the lead line's notes. These clips hold
// what the reading still misses (see docs/audio-analysis.md): the test guards the measured level and that every wrong
// reading is a metrical level of the true beat, not an arbitrary number.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSoundTimeline } from '../../src/core/audio/sound-timeline.ts';
import { windowBounds } from '../../src/core/report/analysis.ts';
import { decodeMono } from './helpers/decode.ts';

const DIR = new URL('../fixtures/real/music-varied/', import.meta.url);
interface Truth { bpm: number; meter: string; kind: string; lead: { midi: number; start: number; end: number }[] }
const truth = JSON.parse(readFileSync(new URL('truth.json', DIR), 'utf8')) as Record<string, Truth>;
const SR = 44100;
const results = Object.entries(truth).map(([name, t]) => {
  const x = decodeMono(new URL(name, DIR).pathname, SR);
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  return { name, t, r: tl.finish(windowBounds(Math.floor((x.length / SR) * 30), 30), 30) };
});

describe('tempo and melody on the wider music sample', () => {
  it('reads the tapped beat on at least 9 of the 12 (the busy 160–180 bpm and the soft-attack piano, ballad, half-time and jazz ones always); a wrong reading is a metrical level (×2, ×½, ×3/2, ×2/3) or none', () => {
    const rows: string[] = [];
    let right = 0;
    for (const { name, t, r } of results) {
      const bpm = r.tempo?.bpm ?? null;
      rows.push(`${name}: ${t.bpm} → ${bpm?.toFixed(1) ?? 'none'}`);
      if (bpm === null) continue;
      if (Math.abs(bpm / t.bpm - 1) <= 0.02) right++;
      else expect([2, 0.5, 1.5, 2 / 3].some((k) => Math.abs(bpm / (k * t.bpm) - 1) <= 0.03), rows.join('\n')).toBe(true);
    }
    console.log(`clip tempo ${right}/${results.length}\n${rows.join('\n')}`);
    // measured 9/12 (5/12 before pitched-note presence and the beat-lag check among 3:4 relatives): none on strings
    // (no steady flux), ×3/2 on plucked 6/8, ×2 on band 86. Before, half-time 126, ballad 4/4 and jazz read none (the
    // hit-support gate: soft attacks) and piano 3/4 105 none, 140 (×4/3) without the gate.
    expect(right, rows.join('\n')).toBeGreaterThanOrEqual(9);
    for (const kind of ['busy', 'piano', 'ballad', 'halftime', 'jazz']) for (const { name, t, r } of results.filter((c) => c.t.kind === kind)) expect(Math.abs((r.tempo?.bpm ?? 0) / t.bpm - 1), name).toBeLessThanOrEqual(0.02);
  });

  it('finds the lead line’s notes (same MIDI number, onset within 50 ms, matched one to one)', () => {
    let truthNotes = 0;
    let reported = 0;
    let found = 0;
    for (const { t, r } of results) {
      truthNotes += t.lead.length;
      reported += r.melody.length;
      const used = new Set<number>();
      for (const n of t.lead) {
        const i = r.melody.findIndex((m, j) => !used.has(j) && m.midi === n.midi && Math.abs(m.start - n.start) <= 0.05);
        if (i < 0) continue;
        used.add(i);
        found++;
      }
    }
    const p = found / reported;
    const rc = found / truthNotes;
    console.log(`lead notes ±50 ms: precision ${p.toFixed(2)}, recall ${rc.toFixed(2)}, F1 ${((2 * p * rc) / (p + rc)).toFixed(2)} (${found}/${truthNotes}, ${reported} reported)`);
    // measured 0.77 / 0.51 (F1 0.61); before note starts were moved to the attack: see docs
    expect(p).toBeGreaterThanOrEqual(0.7);
    expect(rc).toBeGreaterThanOrEqual(0.45);
  });
});
