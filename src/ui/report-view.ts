// <report-view>: an mp4-analysis/1 report explained: a paragraph in words, pictures of the frames (one per shot, one
// per second of a long shot), palette per frame, sound per frame, the spectrogram, camera and motion per window, and
// the shots on a timeline; every chart has a legend, and warnings say what was left out and what to do. The pictures
// and the spectrogram come decoded from the session (AnalysisItem.pictures): nothing is decoded here.
import { LitElement, css, html, svg } from 'lit';
import { hasPicture, type AnalysisReport } from '../core/report/analysis.ts';
import { explainWarning } from '../core/report/explain-failure.ts';
import { dominantColorsOf, summarizeReport } from '../core/report/summary-words.ts';
import { SOUND_PRIMITIVES } from '../core/vocab/sounds.ts';
import type { CameraMove } from '../core/vocab/camera.ts';
import type { AnalysisPictures } from '../app/session.ts';
import { FramePlot } from '../app/frame-plot.ts';
import { partColor } from './part-colors.ts';
import { plural } from './plural.ts';
import { viewStyles } from './ui-styles.ts';
import './spectrogram-strip.ts';
import './thumbnail-strip.ts';

const hex = (rgb: readonly number[]) => `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;

/** At most this many columns in a per-frame chart: a longer file shows every k-th frame, k frames wide (the DOM stays bounded). */
export const MAX_FRAME_COLUMNS = 1200;

/** The plot of a report given whole (with its frames), made once per report. */
const plotOfReport = new WeakMap<AnalysisReport, FramePlot>();

const MOVE_LABEL: Record<CameraMove, string> = {
  static: 'still', pan_left: 'pan left', pan_right: 'pan right', tilt_up: 'tilt up', tilt_down: 'tilt down',
  zoom_in: 'zoom in', zoom_out: 'zoom out', roll_cw: 'roll clockwise', roll_ccw: 'roll anticlockwise', shake: 'shake',
};

/** <report-view> */
export class ReportView extends LitElement {
  static override properties = {
    report: { attribute: false },
    pictures: { attribute: false },
    plot: { attribute: false },
    summary: { attribute: false },
  };

  static override styles = [viewStyles, css`
    svg { width: 100%; height: 3rem; display: block; background: #f4f6fa; border-radius: 3px; }
    svg.tall { height: 4.5rem; }
    /* a visible edge, so a white or pale palette is seen against the pale page */
    svg.framed { border: 1px solid #8a94ab; box-sizing: border-box; }
    figure { margin: 0.4rem 0 0.8rem; }
    figcaption { font-size: 0.8rem; color: #4a5266; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; list-style: none; padding: 0; margin: 0.2rem 0 0; font-size: 0.8rem; color: #1d2330; }
    .legend li { display: inline-flex; align-items: center; gap: 0.3rem; }
    .chip { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #4a5266; border-radius: 2px; flex: none; }
    .line { display: inline-block; width: 1.2rem; height: 0; border-top: 2px solid #1d2330; }
    .cut { display: inline-block; width: 0; height: 0.9rem; border-left: 2px solid #b00020; }
    .summary { font-size: 0.95rem; line-height: 1.5; margin: 0.3rem 0 0.6rem; max-width: 60rem; }
    .warn { background: #fff6e0; border: 1px solid #d8a200; border-radius: 4px; padding: 0.4rem 0.6rem; margin: 0.4rem 0; font-size: 0.85rem; }
    .warn code { word-break: break-all; }
    .meta { overflow-wrap: anywhere; font-size: 0.85rem; }
  `];

  declare report: AnalysisReport | null;
  /** The file's pictures and spectrogram, decoded by the session; null shows neither. */
  declare pictures: AnalysisPictures | null;
  /**
   * The frames' plotted values in typed arrays (the session keeps a report without its frames, and these); null: made
   * from the report's own frames.
   */
  declare plot: FramePlot | null;
  /** The report in words, made by the session while it had the frames; null: made here from the report. */
  declare summary: string | null;

  constructor() {
    super();
    this.report = null;
    this.pictures = null;
    this.plot = null;
    this.summary = null;
  }

  private plotOf(r: AnalysisReport): FramePlot {
    if (this.plot) return this.plot;
    let p = plotOfReport.get(r);
    if (!p) {
      p = FramePlot.of(r.frames);
      plotOfReport.set(r, p);
    }
    return p;
  }

  override render() {
    const r = this.report;
    if (!r) return null;
    const plot = this.plotOf(r);
    const n = Math.max(1, plot.count);
    // every k-th frame, k frames wide, when there are more frames than columns
    const step = Math.max(1, Math.ceil(plot.count / MAX_FRAME_COLUMNS));
    const columns = Array.from({ length: Math.ceil(plot.count / step) }, (_, c) => c * step);
    const dur = Math.max(1e-6, r.video?.duration_s ?? r.container.duration_s);
    // a file without decodable video has windows with sound only (FOUNDATION §7)
    const pictured = r.windows.filter(hasPicture);
    const maxSpeed = Math.max(0.4, ...pictured.map((w) => w.motion.speed));
    const silent = plot.silentThroughout;
    // from the plot: a kept report has no frames left (the session keeps their palettes in typed arrays)
    const colors = dominantColorsOf(plot.palettes()).filter((c) => c.share >= 1).slice(0, 8);
    const moves = [...new Set(pictured.map((w) => w.camera.move))];
    const p = this.pictures;
    return html`
      <p class="summary">${this.summary ?? summarizeReport(r)}</p>
      ${r.warnings.map((w) => {
        const e = explainWarning(w.code, w.message, r.file.name);
        return html`<p class="warn">${e.what} <span>${e.next.split(/(ffmpeg .*)$/).map((part, i) => (i === 1 ? html`<code>${part}</code>` : part))}</span></p>`;
      })}
      <p class="muted meta">${r.file.name} · ${r.video ? `${r.video.width}×${r.video.height} ${r.video.fps.toFixed(2)} fps, ${r.video.frame_count} frames` : 'no video'} · ${r.audio ? `${r.audio.sample_rate} Hz audio` : 'no audio'} · ${r.tempo?.bpm != null ? `tempo ${r.tempo.bpm.toFixed(1)} bpm (${r.tempo.label ?? 'no label'})` : 'no steady beat'} · ${plural(r.cuts.length, 'cut')}</p>
      ${p && pictured.length > 0 ? html`<thumbnail-strip .thumbnails=${p.thumbnails} .shots=${r.shots}></thumbnail-strip>` : null}
      ${pictured.length > 0 ? html`<figure><svg class="framed" viewBox="0 0 ${n} 100" preserveAspectRatio="none" role="img" aria-label="palette per frame">
        ${columns.map((i) => {
          let y = 0;
          return plot.colors(i).map((c) => {
            const rect = svg`<rect x=${i} y=${y} width=${step + 0.02} height=${c.share} fill=${hex(c.rgb)}></rect>`;
            y += c.share;
            return rect;
          });
        })}
      </svg><figcaption>Palette per frame: each column is one frame (time runs left to right), its colours stacked by share of the picture.</figcaption>
      <ul class="legend" aria-label="palette legend">${colors.map((c) => html`<li><span class="chip" style="background:${hex(c.rgb)}"></span>${c.name} ${Math.round(c.share)} %</li>`)}</ul></figure>` : null}
      ${plot.heard > 0 ? html`<figure><svg class="framed" viewBox="0 0 ${n} 100" preserveAspectRatio="none" role="img" aria-label=${silent ? 'sound per frame: silence throughout' : 'sound breakdown per frame'}>
        ${columns.map((i) => {
          if (!plot.hasSound(i)) return null;
          let y = 0;
          return SOUND_PRIMITIVES.map((part) => {
            const v = plot.sound(i, part);
            const rect = svg`<rect x=${i} y=${y} width=${step + 0.02} height=${v} fill=${partColor(`sound.${part}`)}></rect>`;
            y += v;
            return rect;
          });
        })}
      </svg><figcaption>${silent ? html`<strong>Silence</strong> throughout: every frame of the sound track is below the level that counts as sound.` : 'Sound per frame: the share of each kind of sound in each frame.'}</figcaption>
      <ul class="legend" aria-label="sound legend">${SOUND_PRIMITIVES.map((part) => html`<li><span class="chip" style="background:${partColor(`sound.${part}`)}"></span>${part}</li>`)}</ul></figure>` : null}
      ${p ? html`<spectrogram-strip .spectrogram=${p.spectrogram} .silent=${silent}></spectrogram-strip>` : null}
      ${pictured.length > 0 ? html`<figure><svg class="tall" viewBox="0 0 ${dur} 100" preserveAspectRatio="none" role="img" aria-label="motion and camera per window">
        ${pictured.map((w) => svg`<rect x=${w.t0} y="0" width=${w.t1 - w.t0} height="18" fill=${partColor(`camera.${w.camera.move}`)}><title>${MOVE_LABEL[w.camera.move]} (${w.camera.move}; dx ${w.camera.dx.toFixed(3)}, dy ${w.camera.dy.toFixed(3)}, zoom ${w.camera.zoom.toFixed(3)}, roll ${w.camera.roll.toFixed(2)})</title></rect>`)}
        <polyline fill="none" stroke="#1d2330" stroke-width="2" vector-effect="non-scaling-stroke"
          points=${pictured.map((w) => `${(w.t0 + w.t1) / 2},${100 - (w.motion.speed / maxSpeed) * 78}`).join(' ')}></polyline>
      </svg><figcaption>Camera and motion: the top band is the camera move in each half-second window; the line is how fast the picture moves (higher is faster; levels ${[...new Set(pictured.map((w) => w.motion.level))].join(', ')}).</figcaption>
      <ul class="legend" aria-label="camera legend">${moves.map((m) => html`<li><span class="chip" style="background:${partColor(`camera.${m}`)}"></span>${MOVE_LABEL[m]}</li>`)}<li><span class="line"></span>motion speed</li></ul></figure>` : null}
      ${pictured.length > 0 ? html`<figure><svg viewBox="0 0 ${dur} 100" preserveAspectRatio="none" role="img" aria-label="shots on a timeline">
        ${r.shots.map((s, i) => svg`<rect x=${s.t0} y="10" width=${Math.max(0, s.t1 - s.t0)} height="80" fill=${i % 2 ? '#8fa6e8' : '#c9d4f5'}><title>shot ${i + 1}: ${s.t0.toFixed(2)}–${s.t1.toFixed(2)} s</title></rect>`)}
        ${r.cuts.map((c) => svg`<line x1=${c.t} x2=${c.t} y1="0" y2="100" stroke="#b00020" stroke-width="2" vector-effect="non-scaling-stroke"></line>`)}
      </svg><figcaption>Shots on a timeline: ${r.shots.length} ${r.shots.length === 1 ? 'shot' : 'shots'}, ${r.transitions.length} fades or dissolves.</figcaption>
      <ul class="legend" aria-label="shots legend"><li><span class="chip" style="background:#c9d4f5"></span><span class="chip" style="background:#8fa6e8"></span>shots (alternating)</li><li><span class="cut"></span>hard cut</li></ul></figure>` : null}
    `;
  }
}

customElements.define('report-view', ReportView);

declare global {
  interface HTMLElementTagNameMap {
    'report-view': ReportView;
  }
}
