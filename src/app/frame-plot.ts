// What the Analyze view plots of a report's frames, kept in typed arrays (issue 18: ~50 bytes a frame instead of the
// frames as objects, ~2 kB each): each frame's palette (rgb and share per colour) and its sound breakdown. The
// session builds it when an analysis ends (or a kept report is restored) and keeps the report without its frames.
import type { AnalysisReport, FrameReport } from '../core/report/analysis.ts';
import { summarizeReport } from '../core/report/summary-words.ts';
import { TypedColumn } from '../core/report/typed-column.ts';
import { SOUND_PRIMITIVES, type SoundPrimitive } from '../core/vocab/sounds.ts';

/** Sound values kept per frame: its breakdown, in SOUND_PRIMITIVES order. */
const SOUND_WIDTH = SOUND_PRIMITIVES.length;

/** The plotted per-frame values of a report, in typed arrays; built by `add`, in frame order. */
export class FramePlot {
  /** Per frame: the end (exclusive) of its colours in colorRgb / colorShare. */
  private readonly colorEnd = new TypedColumn((n) => new Uint32Array(n));
  private readonly colorRgb = new TypedColumn((n) => new Uint8Array(n));
  private readonly colorShare = new TypedColumn((n) => new Float64Array(n));
  /** Per frame: 1 when it has a sound (not null). */
  private readonly heardFlag = new TypedColumn((n) => new Uint8Array(n));
  private readonly breakdown = new TypedColumn((n) => new Float64Array(n));
  /** Frames with a sound, and of those the silent ones (breakdown.silence ≥ 99.5). */
  private heardCount = 0;
  private silentCount = 0;

  /** The plot of `frames` (a whole report's). */
  static of(frames: Iterable<FrameReport>): FramePlot {
    const p = new FramePlot();
    for (const f of frames) p.add(f);
    return p;
  }

  /** Frames held. */
  get count(): number {
    return this.colorEnd.length;
  }

  /** Frames with a sound. */
  get heard(): number {
    return this.heardCount;
  }

  /** Whether every frame with a sound is silence (and there is at least one). */
  get silentThroughout(): boolean {
    return this.heardCount > 0 && this.silentCount === this.heardCount;
  }

  /** Appends the next frame's values. */
  add(f: FrameReport): void {
    for (const c of f.colors) {
      for (const v of c.rgb) this.colorRgb.push(v);
      this.colorShare.push(c.share);
    }
    this.colorEnd.push(this.colorShare.length);
    this.heardFlag.push(f.sound ? 1 : 0);
    for (const part of SOUND_PRIMITIVES) this.breakdown.push(f.sound?.breakdown[part] ?? 0);
    if (f.sound) {
      this.heardCount++;
      if (f.sound.breakdown.silence >= 99.5) this.silentCount++;
    }
  }

  /** Frame i's colours: rgb and share (percent of the picture). */
  colors(i: number): { rgb: [number, number, number]; share: number }[] {
    const out: { rgb: [number, number, number]; share: number }[] = [];
    const rgb = this.colorRgb.data;
    for (let k = i > 0 ? this.colorEnd.at(i - 1) : 0; k < this.colorEnd.at(i); k++) out.push({ rgb: [rgb[3 * k]!, rgb[3 * k + 1]!, rgb[3 * k + 2]!], share: this.colorShare.at(k) });
    return out;
  }

  /** Every frame's colours, in frame order. */
  *palettes(): IterableIterator<{ rgb: [number, number, number]; share: number }[]> {
    for (let i = 0; i < this.count; i++) yield this.colors(i);
  }

  /** Whether frame i has a sound. */
  hasSound(i: number): boolean {
    return this.heardFlag.at(i) === 1;
  }

  /** Frame i's share (percent) of one kind of sound; 0 without a sound. */
  sound(i: number, part: SoundPrimitive): number {
    return this.breakdown.at(i * SOUND_WIDTH + SOUND_PRIMITIVES.indexOf(part));
  }
}

/** A finished report as the Analyze view keeps it: without its frames, with their plot and the report in words. */
export interface KeptReport {
  report: AnalysisReport;
  plot: FramePlot;
  summary: string;
}

/** What the session keeps of a finished report for the view (the frames' objects are left to the caller). */
export function keepForView(report: AnalysisReport): KeptReport {
  return { report: { ...report, frames: [] }, plot: FramePlot.of(report.frames), summary: summarizeReport(report) };
}
