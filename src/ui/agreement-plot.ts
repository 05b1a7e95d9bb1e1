// <agreement-plot>: agreement (0–1) per learning field over jobs, as an SVG line plot with numbered axes and a legend.
import { LitElement, css, html, svg } from 'lit';
/** Distinct colours for the learning fields (Okabe–Ito, readable by colour-blind users); total is black. */
const FIELD_COLORS: Record<string, string> = {
  camera: '#e69f00', motion: '#56b4e9', gradient: '#009e73', lighting: '#f0e442', palette: '#0072b2', sound: '#d55e00', tempo: '#cc79a7', total: '#1d2330',
};
const fieldColor = (k: string) => FIELD_COLORS[k] ?? '#999';

/** Plot area inside the SVG's own units (the picture scales as a whole, so text keeps its shape). */
const W = 600;
const H = 220;
const LEFT = 46;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 40;

/** Round tick values covering 1…n jobs: about `want` of them, at steps of 1, 2 or 5 × 10^k. */
export function jobTicks(n: number, want = 6): number[] {
  if (n <= 1) return [1];
  const raw = (n - 1) / Math.max(1, want - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [1];
  for (let t = step; t <= n; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** <agreement-plot> */
export class AgreementPlot extends LitElement {
  static override properties = {
    series: { attribute: false },
  };

  static override styles = css`
    :host { display: block; max-width: 48rem; }
    svg { display: block; width: 100%; height: auto; background: #fafbfd; border: 1px solid #e2e5ec; border-radius: 4px; }
    text { font: 12px system-ui, sans-serif; fill: #3d4559; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.85rem; margin: 0.4rem 0 0; padding: 0; list-style: none; color: #1d2330; }
    .legend li::before { content: ''; display: inline-block; width: 1.1rem; height: 0.3rem; margin-right: 0.35rem; vertical-align: middle; background: var(--c); border: 1px solid #6b7489; }
    p { font-size: 0.85rem; color: #4a5368; margin: 0.3rem 0 0; }
  `;

  /** Per field, one value (0–1 or null) per job in order. */
  declare series: Record<string, (number | null)[]>;

  constructor() {
    super();
    this.series = {};
  }

  /** Running mean over the last `k` jobs, so the plot shows a trend rather than 0/1 jumps. */
  private smooth(values: (number | null)[], k = 5): (number | null)[] {
    return values.map((_, i) => {
      const w = values.slice(Math.max(0, i - k + 1), i + 1).filter((v): v is number => v !== null);
      return w.length ? w.reduce((a, b) => a + b, 0) / w.length : null;
    });
  }

  override render() {
    const names = Object.keys(this.series);
    const jobs = Math.max(0, ...names.map((k) => this.series[k]!.length));
    const n = Math.max(2, jobs);
    const pw = W - LEFT - RIGHT;
    const ph = H - TOP - BOTTOM;
    // Job i (0-based) sits at job number i + 1.
    const x = (job: number) => LEFT + ((job - 1) / (n - 1)) * pw;
    const y = (v: number) => TOP + ph - v * ph;
    const line = (vals: (number | null)[]) => vals.map((v, i) => (v === null ? null : `${x(i + 1).toFixed(2)},${y(v).toFixed(2)}`)).filter((p) => p !== null).join(' ');
    const xt = jobs > 0 ? jobTicks(jobs) : [];
    return html`
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Agreement per field over ${jobs} jobs: y from 0 to 1, x job number">
        ${[0, 0.25, 0.5, 0.75, 1].map((g) => svg`<line x1=${LEFT} x2=${W - RIGHT} y1=${y(g)} y2=${y(g)} stroke=${g === 0 ? '#6b7489' : '#e2e5ec'}></line>
          <text class="ytick" x=${LEFT - 6} y=${y(g) + 4} text-anchor="end">${g.toFixed(2)}</text>`)}
        <line x1=${LEFT} x2=${LEFT} y1=${TOP} y2=${TOP + ph} stroke="#6b7489"></line>
        ${xt.map((t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${TOP + ph} y2=${TOP + ph + 5} stroke="#6b7489"></line>
          <text class="xtick" x=${x(t)} y=${TOP + ph + 18} text-anchor="middle">${t}</text>`)}
        <text x=${LEFT + pw / 2} y=${H - 4} text-anchor="middle">job (in the order they ran)</text>
        <text transform="translate(12 ${TOP + ph / 2}) rotate(-90)" text-anchor="middle">agreement</text>
        ${names.map((k) => svg`<polyline fill="none" stroke=${fieldColor(k)} stroke-width=${k === 'total' ? 3 : 1.5}
          points=${line(this.smooth(this.series[k]!))}><title>${k}</title></polyline>`)}
      </svg>
      <ul class="legend" aria-label="Legend">${names.map((k) => html`<li style="--c:${fieldColor(k)}">${k}${k === 'total' ? ' (all fields)' : ''}</li>`)}</ul>
      <p>Each line is the mean agreement of the last 5 jobs (1 = what was made is what was measured).</p>
    `;
  }
}

customElements.define('agreement-plot', AgreementPlot);

declare global {
  interface HTMLElementTagNameMap {
    'agreement-plot': AgreementPlot;
  }
}
