// The per-frame part of a report (FOUNDATION §7 frames[]) kept in typed arrays, not objects: ~250 bytes a frame
// instead of ~2 KB of objects, so what a long file's analysis must keep to its end (the narrative reads every frame;
// the audio pass completes frames measured by the video pass) stays small. `frame(i)` rebuilds frame i exactly:
// same values, same keys in the same order, so its JSON is byte for byte the JSON of the frame pushed.
import type { Depth, FrameColor, FrameReport, FrameSound } from './analysis.ts';
import { COLOR_PRIMITIVES, type ColorPrimitiveName } from '../vocab/colors.ts';
import { assert } from '../assert.ts';
import { TypedColumn as Column } from './typed-column.ts';

const PRIMITIVE_NAMES: readonly ColorPrimitiveName[] = COLOR_PRIMITIVES.map((p) => p.name);
const PRIMITIVE_INDEX = new Map<string, number>(PRIMITIVE_NAMES.map((n, i) => [n, i]));
/** The breakdown's keys in the order the sound analysis writes them (frame-sound.ts). */
const BREAKDOWN_KEYS = ['silence', 'tone', 'rumble', 'hiss'] as const;
/** Numbers kept per frame's sound: the breakdown, rms_db, centroid_hz, flatness, tone_hz (NaN: null). */
const SOUND_WIDTH = BREAKDOWN_KEYS.length + 4;

/** Frames in typed arrays; see the file's comment. */
export class FrameTable {
  private readonly t = new Column((n) => new Float64Array(n));
  /** Per frame: bit 0 luma, bit 1 depth, bit 2 sound present (not null). */
  private readonly flags = new Column((n) => new Uint8Array(n));
  private readonly luma = new Column((n) => new Float64Array(n));
  private readonly colorEnd = new Column((n) => new Uint32Array(n));
  private readonly colorRgb = new Column((n) => new Float64Array(n));
  private readonly colorShare = new Column((n) => new Float64Array(n));
  private readonly colorPrimitive = new Column((n) => new Uint8Array(n));
  private readonly depthEnd = new Column((n) => new Uint32Array(n));
  private readonly depthKey = new Column((n) => new Uint8Array(n));
  private readonly depthValue = new Column((n) => new Float64Array(n));
  private readonly sound = new Column((n) => new Float64Array(n));

  /** Frames held. */
  get length(): number {
    return this.t.length;
  }

  /** Appends a frame; its index must be the table's length (frames come in order from 0). */
  push(f: FrameReport): void {
    if (f.index !== this.length) throw new TypeError(`frame ${f.index} pushed, expected ${this.length}`);
    this.t.push(f.t);
    this.flags.push((f.luma ? 1 : 0) | (f.depth ? 2 : 0));
    this.luma.push(f.luma?.mean ?? 0);
    this.luma.push(f.luma?.std ?? 0);
    for (const c of f.colors) {
      this.colorRgb.push(c.rgb[0]);
      this.colorRgb.push(c.rgb[1]);
      this.colorRgb.push(c.rgb[2]);
      this.colorShare.push(c.share);
      this.colorPrimitive.push(primitiveIndex(c.primitive));
    }
    this.colorEnd.push(this.colorShare.length);
    for (const [k, v] of Object.entries(f.depth ?? {})) {
      this.depthKey.push(primitiveIndex(k));
      this.depthValue.push(v);
    }
    this.depthEnd.push(this.depthValue.length);
    this.sound.ensure(this.length * SOUND_WIDTH);
    this.setSound(f.index, f.sound);
  }

  /** Sets (or clears, with null) the sound of frame `i`. */
  setSound(i: number, s: FrameSound | null): void {
    assert(i >= 0 && i < this.length, `no frame ${i}`);
    const flags = this.flags.data;
    if (!s) {
      flags[i] = flags[i]! & ~4;
      return;
    }
    flags[i] = flags[i]! | 4;
    const o = i * SOUND_WIDTH;
    const d = this.sound.data;
    BREAKDOWN_KEYS.forEach((k, j) => (d[o + j] = s.breakdown[k]));
    d[o + 4] = s.rms_db;
    d[o + 5] = s.centroid_hz;
    d[o + 6] = s.flatness;
    d[o + 7] = s.tone_hz ?? NaN;
  }

  /** Seconds of frame `i`. */
  time(i: number): number {
    return this.t.at(i);
  }

  /** Frame `i` rebuilt as the report object it was pushed as. */
  frame(i: number): FrameReport {
    assert(i >= 0 && i < this.length, `no frame ${i}`);
    const flags = this.flags.at(i);
    return { index: i, t: this.t.at(i), colors: this.colors(i), depth: flags & 2 ? this.depth(i) : null, luma: flags & 1 ? { mean: this.luma.at(2 * i), std: this.luma.at(2 * i + 1) } : null, sound: flags & 4 ? this.soundOf(i) : null };
  }

  private colors(i: number): FrameColor[] {
    const out: FrameColor[] = [];
    for (let k = i > 0 ? this.colorEnd.at(i - 1) : 0; k < this.colorEnd.at(i); k++) {
      out.push({ rgb: [this.colorRgb.at(3 * k), this.colorRgb.at(3 * k + 1), this.colorRgb.at(3 * k + 2)], share: this.colorShare.at(k), primitive: PRIMITIVE_NAMES[this.colorPrimitive.at(k)]! });
    }
    return out;
  }

  private depth(i: number): Depth {
    const out: Depth = {};
    for (let k = i > 0 ? this.depthEnd.at(i - 1) : 0; k < this.depthEnd.at(i); k++) out[PRIMITIVE_NAMES[this.depthKey.at(k)]!] = this.depthValue.at(k);
    return out;
  }

  private soundOf(i: number): FrameSound {
    const o = i * SOUND_WIDTH;
    const d = this.sound.data;
    const tone = d[o + 7]!;
    return { breakdown: { silence: d[o]!, tone: d[o + 1]!, rumble: d[o + 2]!, hiss: d[o + 3]! }, rms_db: d[o + 4]!, centroid_hz: d[o + 5]!, flatness: d[o + 6]!, tone_hz: Number.isNaN(tone) ? null : tone };
  }
}

function primitiveIndex(name: string): number {
  const k = PRIMITIVE_INDEX.get(name);
  if (k === undefined) throw new TypeError(`"${name}" is not a colour primitive`);
  return k;
}
