// <spectrogram-strip>: the sound of a dropped file as a log-frequency spectrogram (low → high bottom → top,
// time left → right, viridis colour by level), with its legend. The session computes the spectrogram in the analysis
// worker (AppSession.analyze → spectrogramOf) and this element only paints it; no audio, or audio the browser cannot
// decode, reads "no audio", and a silent track reads "silence" instead of a uniform dark picture.
import { LitElement, css, html } from 'lit';
import { dominantFrequencyHz, type Spectrogram } from '../core/audio/spectrogram.ts';
import { SILENCE_DBFS } from '../core/vocab/sounds.ts';
import { viewStyles } from './ui-styles.ts';

/** Levels shown: from the file's peak (yellow) down this many dB (dark purple); quieter is drawn as the darkest. */
const RANGE_DB = 60;

// Viridis (matplotlib), 8 stops at even spacing: perceptually uniform and readable in greyscale and by most
// colour-blind viewers.
const VIRIDIS = [
  [0x44, 0x01, 0x54], [0x46, 0x32, 0x7e], [0x36, 0x5c, 0x8d], [0x27, 0x7f, 0x8e],
  [0x1f, 0xa1, 0x87], [0x4a, 0xc1, 0x6d], [0xa0, 0xda, 0x39], [0xfd, 0xe7, 0x25],
] as const;

/** Viridis colour at x ∈ [0, 1] (clamped), as [r, g, b] 0–255. */
export function viridis(x: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

const fmtHz = (hz: number) => (hz >= 1000 ? `${+(hz / 1000).toFixed(1)}k` : `${Math.round(hz)}`);

/** Tick spacing in seconds giving at most ~6 ticks over `duration`. */
function timeStep(duration: number): number {
  for (const s of [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600]) if (duration / s <= 6) return s;
  return 1200;
}

/** <spectrogram-strip> */
export class SpectrogramStrip extends LitElement {
  static override properties = {
    spectrogram: { attribute: false },
    silent: { attribute: false },
  };

  static override styles = [viewStyles, css`
    figure { margin: 0.4rem 0 0.8rem; }
    figcaption { font-size: 0.8rem; color: #4a5266; }
    /* Full width, like the strips above and below, so the time axes line up; Hz labels sit inside the left edge. */
    .plot { position: relative; height: 8rem; }
    canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; border-radius: 3px; background: #440154; }
    .axis { position: relative; font-size: 0.7rem; color: #4a5266; font-variant-numeric: tabular-nums; }
    .y { position: absolute; inset: 0; pointer-events: none; color: #fff; text-shadow: 0 0 2px #000, 0 0 3px #000; }
    .y span { position: absolute; left: 0.3rem; transform: translateY(50%); white-space: nowrap; }
    .x { height: 1.1rem; overflow: hidden; }
    .x span { position: absolute; top: 0.1rem; transform: translateX(-50%); white-space: nowrap; }
    .x span:first-child { transform: none; }
    .ramp { display: inline-block; width: 4rem; height: 0.6rem; vertical-align: middle; border-radius: 2px; border: 1px solid #8a94ab;
      background: linear-gradient(to right, #440154, #46327e, #365c8d, #277f8e, #1fa187, #4ac16d, #a0da39, #fde725); }
    .none { font-size: 0.85rem; background: #f4f6fa; border: 1px solid #c5cad6; border-radius: 3px; padding: 0.5rem; margin: 0.4rem 0 0.8rem; }
  `];

  /** The spectrogram to paint (from the session), null when the file has no decodable audio, 'pending' while it is decoded. */
  declare spectrogram: Spectrogram | null | 'pending';
  /** The report found the track silent throughout (every audio frame below FOUNDATION's silence level). */
  declare silent: boolean;

  constructor() {
    super();
    this.spectrogram = null;
    this.silent = false;
  }

  /** Whether the track is silence: the report says so (every audio frame below SILENCE_DBFS), or nothing rises above the floor. */
  private isSilence(s: Spectrogram): boolean {
    // not judged from band levels: a quiet broadband hiss has every band low while the report hears it
    return this.silent || s.peakDb <= s.floorDb;
  }

  override updated() {
    const canvas = this.renderRoot.querySelector('canvas');
    const s = this.spectrogram;
    if (typeof s !== 'object' || s === null || !canvas) return;
    // One pixel per band × column; CSS stretches it (smoothly) to the strip's size.
    canvas.width = s.columns;
    canvas.height = s.bands;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(s.columns, s.bands);
    const top = s.peakDb;
    for (let c = 0; c < s.columns; c++) {
      for (let b = 0; b < s.bands; b++) {
        const level = s.levelsDb[c * s.bands + b]!;
        const [r, g, bl] = viridis(top <= s.floorDb ? 0 : 1 - (top - level) / RANGE_DB);
        const p = 4 * ((s.bands - 1 - b) * s.columns + c);
        img.data[p] = r;
        img.data[p + 1] = g;
        img.data[p + 2] = bl;
        img.data[p + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }

  override render() {
    const s = this.spectrogram;
    if (s === 'pending') return html`<p class="none muted" role="status">Spectrogram: decoding the sound…</p>`;
    if (s === null) return html`<p class="none muted" id="no-audio">Spectrogram: no audio</p>`;
    if (this.isSilence(s)) {
      return html`<p class="none" id="silence"><strong>Silence.</strong> The sound track is silent throughout (every moment is below ${SILENCE_DBFS} dBFS, the level that counts as sound; its loudest band reaches ${s.peakDb <= s.floorDb ? 'no level at all' : `${s.peakDb.toFixed(0)} dB`}), so there is no spectrogram to show.</p>`;
    }
    const strongestHz = dominantFrequencyHz(s);
    const lo = s.edgesHz[0]!;
    const hi = s.edgesHz[s.bands]!;
    const span = Math.log(hi / lo);
    const hzTicks = [50, 100, 300, 1000, 3000, 10_000].filter((f) => f >= lo && f <= hi * 0.97);
    const step = timeStep(s.durationS);
    const tTicks: number[] = [];
    for (let t = 0; t <= s.durationS * 0.94 + 1e-9; t += step) tTicks.push(+t.toFixed(3));
    const label = `spectrogram: ${s.bands} bands ${fmtHz(lo)}–${fmtHz(hi)} Hz over ${s.durationS.toFixed(2)} s; peak ${s.peakDb.toFixed(0)} dB, strongest around ${fmtHz(strongestHz)} Hz`;
    return html`<figure>
      <div class="plot">
        <canvas role="img" aria-label=${label}></canvas>
        <div class="axis y" aria-hidden="true">${hzTicks.map((f) => html`<span style="bottom:${((Math.log(f / lo) / span) * 100).toFixed(2)}%">${fmtHz(f)} Hz</span>`)}</div>
      </div>
      <div class="axis x" aria-hidden="true">${tTicks.map((t) => html`<span style="left:${((t / s.durationS) * 100).toFixed(2)}%">${t} s</span>`)}</div>
      <figcaption>Spectrogram: pitch up the side (Hz, log scale), time along (seconds). Legend: quiet ${(s.peakDb - RANGE_DB).toFixed(0)} dB <span class="ramp" aria-hidden="true"></span> loud ${s.peakDb.toFixed(0)} dB (re a full-scale sine); strongest around ${fmtHz(strongestHz)} Hz.</figcaption>
    </figure>`;
  }
}

customElements.define('spectrogram-strip', SpectrogramStrip);

declare global {
  interface HTMLElementTagNameMap {
    'spectrogram-strip': SpectrogramStrip;
  }
}
