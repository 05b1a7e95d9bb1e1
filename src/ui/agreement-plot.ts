// <agreement-plot>: agreement (0–1) per learning field over jobs, as an SVG line plot with a legend.
import { LitElement, css, html, svg } from 'lit';
/** Distinct colours for the learning fields (Okabe–Ito, readable by colour-blind users); total is black. */
const FIELD_COLORS: Record<string, string> = {
  camera: '#e69f00', motion: '#56b4e9', gradient: '#009e73', lighting: '#f0e442', palette: '#0072b2', sound: '#d55e00', tempo: '#cc79a7', total: '#1d2330',
};
const fieldColor = (k: string) => FIELD_COLORS[k] ?? '#999';

/** <agreement-plot> */
export class AgreementPlot extends LitElement {
  static override properties = {
    series: { attribute: false },
  };

  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: 14rem; background: #fafbfd; border: 1px solid #e2e5ec; border-radius: 4px; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.8rem; }
    .legend span::before { content: ''; display: inline-block; width: 0.8rem; height: 0.25rem; margin-right: 0.3rem; vertical-align: middle; background: var(--c); }
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
    const n = Math.max(2, ...names.map((k) => this.series[k]!.length));
    const W = 400;
    const H = 100;
    const x = (i: number) => (i / (n - 1)) * W;
    const line = (vals: (number | null)[]) => vals.map((v, i) => (v === null ? null : `${x(i).toFixed(2)},${(H - v * H).toFixed(2)}`)).filter((p) => p !== null).join(' ');
    return html`
      <svg viewBox="-2 -2 ${W + 4} ${H + 4}" preserveAspectRatio="none" role="img" aria-label="agreement per field over jobs">
        ${[0, 0.25, 0.5, 0.75, 1].map((g) => svg`<line x1="0" x2=${W} y1=${H - g * H} y2=${H - g * H} stroke="#e2e5ec" vector-effect="non-scaling-stroke"></line>`)}
        ${names.map((k) => svg`<polyline fill="none" stroke=${fieldColor(k)} stroke-width=${k === 'total' ? 3 : 1.5}
          vector-effect="non-scaling-stroke" points=${line(this.smooth(this.series[k]!))}><title>${k}</title></polyline>`)}
      </svg>
      <div class="legend">${names.map((k) => html`<span style="--c:${fieldColor(k)}">${k}</span>`)}</div>
      <p style="font-size:0.8rem;color:#5b647a">x: jobs in order (${n > 2 ? n : 0}); y: agreement 0–1, mean of the last 5 jobs.</p>
    `;
  }
}

customElements.define('agreement-plot', AgreementPlot);

declare global {
  interface HTMLElementTagNameMap {
    'agreement-plot': AgreementPlot;
  }
}
