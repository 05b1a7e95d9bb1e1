// <report-view>: an mp4-analysis/1 report as pictures: palette per frame, sound breakdown per frame (and a
// spectrogram of the file's audio when the file is given), motion and camera per window, and the shots on a timeline.
import { LitElement, css, html, svg } from 'lit';
import { hasPicture, type AnalysisReport } from '../core/report/analysis.ts';
import { SOUND_PRIMITIVES } from '../core/vocab/sounds.ts';
import { partColor } from './part-colors.ts';
import { viewStyles } from './ui-styles.ts';
import './spectrogram-strip.ts';

const hex = (rgb: readonly number[]) => `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;

/** <report-view> */
export class ReportView extends LitElement {
  static override properties = {
    report: { attribute: false },
    file: { attribute: false },
  };

  static override styles = [viewStyles, css`
    svg { width: 100%; height: 3rem; display: block; background: #f4f6fa; border-radius: 3px; }
    svg.tall { height: 4.5rem; }
    figure { margin: 0.4rem 0 0.8rem; }
    figcaption { font-size: 0.8rem; color: #5b647a; }
  `];

  declare report: AnalysisReport | null;
  /** The analysed file itself, when at hand: its audio is decoded in the page for the spectrogram. */
  declare file: Blob | null;

  constructor() {
    super();
    this.report = null;
    this.file = null;
  }

  override render() {
    const r = this.report;
    if (!r) return null;
    const n = Math.max(1, r.frames.length);
    const dur = Math.max(1e-6, r.video?.duration_s ?? r.container.duration_s);
    // a file without decodable video has windows with sound only (FOUNDATION §7)
    const pictured = r.windows.filter(hasPicture);
    const maxSpeed = Math.max(0.4, ...pictured.map((w) => w.motion.speed));
    return html`
      <p class="muted">${r.file.name} · ${r.video ? `${r.video.width}×${r.video.height} ${r.video.fps.toFixed(2)} fps, ${r.video.frame_count} frames` : 'no video'} · ${r.audio ? `${r.audio.sample_rate} Hz audio` : 'no audio'} · tempo ${r.tempo?.bpm?.toFixed(1) ?? '—'} bpm (${r.tempo?.label ?? 'none'}) · ${r.cuts.length} cuts</p>
      <figure><svg viewBox="0 0 ${n} 100" preserveAspectRatio="none" role="img" aria-label="palette per frame">
        ${r.frames.map((f, i) => {
          let y = 0;
          return f.colors.map((c) => {
            const rect = svg`<rect x=${i} y=${y} width="1.02" height=${c.share} fill=${hex(c.rgb)}></rect>`;
            y += c.share;
            return rect;
          });
        })}
      </svg><figcaption>Palette per frame (each column a frame, colours by share)</figcaption></figure>
      <figure><svg viewBox="0 0 ${n} 100" preserveAspectRatio="none" role="img" aria-label="sound breakdown per frame">
        ${r.frames.map((f, i) => {
          if (!f.sound) return null;
          let y = 0;
          return SOUND_PRIMITIVES.map((p) => {
            const v = f.sound!.breakdown[p] ?? 0;
            const rect = svg`<rect x=${i} y=${y} width="1.02" height=${v} fill=${partColor(`sound.${p}`)}></rect>`;
            y += v;
            return rect;
          });
        })}
      </svg><figcaption>Sound per frame: ${SOUND_PRIMITIVES.map((p) => html`<span style="color:${partColor(`sound.${p}`)}">■</span> ${p} `)}</figcaption></figure>
      ${this.file ? html`<spectrogram-strip .file=${this.file} .hasAudio=${r.audio !== null} .sampleRate=${r.audio?.sample_rate ?? 48_000}></spectrogram-strip>` : null}
      <figure><svg class="tall" viewBox="0 0 ${dur} 100" preserveAspectRatio="none" role="img" aria-label="motion and camera per window">
        ${pictured.map((w) => svg`<rect x=${w.t0} y="0" width=${w.t1 - w.t0} height="18" fill=${partColor(`camera.${w.camera.move}`)}><title>${w.camera.move} (dx ${w.camera.dx.toFixed(3)}, dy ${w.camera.dy.toFixed(3)}, zoom ${w.camera.zoom.toFixed(3)}, roll ${w.camera.roll.toFixed(2)})</title></rect>`)}
        <polyline fill="none" stroke="#1d2330" stroke-width="2" vector-effect="non-scaling-stroke"
          points=${pictured.map((w) => `${(w.t0 + w.t1) / 2},${100 - (w.motion.speed / maxSpeed) * 78}`).join(' ')}></polyline>
      </svg><figcaption>Camera move per window (top band: ${[...new Set(pictured.map((w) => w.camera.move))].join(', ') || '—'}) and motion speed (line; levels ${[...new Set(pictured.map((w) => w.motion.level))].join(', ') || '—'})</figcaption></figure>
      <figure><svg viewBox="0 0 ${dur} 100" preserveAspectRatio="none" role="img" aria-label="shots on a timeline">
        ${r.shots.map((s, i) => svg`<rect x=${s.t0} y="10" width=${Math.max(0, s.t1 - s.t0)} height="80" fill=${i % 2 ? '#8fa6e8' : '#c9d4f5'}><title>shot ${i + 1}: ${s.t0.toFixed(2)}–${s.t1.toFixed(2)} s</title></rect>`)}
        ${r.cuts.map((c) => svg`<line x1=${c.t} x2=${c.t} y1="0" y2="100" stroke="#b00020" stroke-width="2" vector-effect="non-scaling-stroke"></line>`)}
      </svg><figcaption>${r.shots.length} shots, cuts in red</figcaption></figure>
    `;
  }
}

customElements.define('report-view', ReportView);

declare global {
  interface HTMLElementTagNameMap {
    'report-view': ReportView;
  }
}
