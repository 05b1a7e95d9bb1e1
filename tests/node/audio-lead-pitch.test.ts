// The predominant pitch of a frame (harmonic summation): the fundamental of a harmonic tone, not its loudest partial,
// and the lead over a bass line.
import { describe, expect, it } from 'vitest';
import { analyzeFrame } from '../../src/core/audio/frame-sound.ts';

const SR = 48000;
const N = SR / 30; // one 30 fps frame
const midiOf = (hz: number): number => 69 + 12 * Math.log2(hz / 440);
const hzOf = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** A frame of summed partials: [Hz, amplitude] each, phases spread so the sum has no accidental peak. */
function partials(list: [number, number][]): Float32Array {
  const x = new Float32Array(N);
  list.forEach(([hz, a], j) => {
    for (let i = 0; i < N; i++) x[i]! += a * Math.sin((2 * Math.PI * hz * i) / SR + j * 1.3);
  });
  return x;
}
const harmonic = (midi: number, amps: number[]): [number, number][] => amps.map((a, h) => [hzOf(midi) * (h + 1), a]);
const lead = (x: Float32Array): number | null => analyzeFrame(x, SR, false, true).extras.leadMidi;

describe('lead pitch', () => {
  it('is the fundamental of a harmonic tone whose loudest partial is the 2nd harmonic (tone_hz reads the octave above)', () => {
    for (const midi of [57, 64, 71, 79]) {
      const x = partials(harmonic(midi, [0.3, 0.6, 0.25, 0.2, 0.1]));
      const a = analyzeFrame(x, SR, false, true);
      expect(Math.round(midiOf(a.sound.tone_hz!))).toBe(midi + 12);
      expect(Math.abs(a.extras.leadMidi! - midi), `${midi}: ${a.extras.leadMidi}`).toBeLessThan(0.5);
    }
  });

  it('is a pure tone’s own pitch', () => {
    for (const hz of [110, 220, 440, 1000, 1760]) expect(Math.abs(lead(partials([[hz, 0.5]]))! - midiOf(hz)), `${hz}`).toBeLessThan(0.5);
  });

  it('follows a lead line over a bass of as many partials with a louder fundamental, and is not computed unless asked', () => {
    for (const [top, bass] of [[76, 40], [72, 45], [81, 43]] as const) {
      const x = partials([...harmonic(top, [0.3, 0.2, 0.12, 0.08]), ...harmonic(bass, [0.34, 0.12, 0.06, 0.04])]);
      expect(Math.abs(lead(x)! - top), `${top} over ${bass}: ${lead(x)}`).toBeLessThan(0.5);
      expect(analyzeFrame(x, SR, false).extras.leadMidi).toBeNull();
    }
  });

  it('is null for a silent frame', () => {
    expect(lead(new Float32Array(N))).toBeNull();
  });
});
