// <variety-chart>: the loop's variety over jobs (issue 16.3): distinct values made so far (rising) and the running
// novelty against its floor, as two SVG plots, with the report's entropies and pool shares in a table.
import { LitElement, css, html } from 'lit';
import type { AppSession } from '../app/session.ts';
import { NOVELTY_WINDOW, VARIETY_KINDS, type VarietyReport } from '../core/registry/variety-report.ts';

const W = 400;
const H = 100;

/** <variety-chart .session=${session}>: loads the session's variety report and draws it. */
export class VarietyChart extends LitElement {
  static override properties = {
    session: { attribute: false },
    report: { attribute: false },
  };

  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: 9rem; background: #fafbfd; border: 1px solid #e2e5ec; border-radius: 4px; }
    .cap { font-size: 0.8rem; color: #5b647a; margin: 0.2rem 0 0.8rem; }
    table { border-collapse: collapse; font-size: 0.85rem; }
    /* At 390 px the table scrolls inside its own focusable region rather than the page sideways. */
    .scroll { overflow-x: auto; max-width: 100%; }
    .scroll:focus-visible { outline: 3px solid #f0a020; outline-offset: 2px; }
    th, td { padding: 0.15rem 0.6rem; text-align: right; border-bottom: 1px solid #e2e5ec; }
    th:first-child { text-align: left; }
  `;

  /** The session to read the report from (set by the Diagnostics view). */
  declare session: AppSession | null;
  /** The report drawn (loaded from the session, or set directly). */
  declare report: VarietyReport | null;

  constructor() {
    super();
    this.session = null;
    this.report = null;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('session') && this.session) void this.session.variety().then((r) => (this.report = r));
  }

  override render() {
    const r = this.report;
    if (!r) return html`<h3>Variety</h3><p class="cap">Loading…</p>`;
    if (r.jobs === 0) return html`<h3>Variety</h3><p class="cap">No jobs yet: run the loop to see how varied its clips are.</p>`;
    const n = Math.max(2, r.points.length);
    const x = (i: number) => (i / (n - 1)) * W;
    const top = Math.max(1, r.distinct.total);
    const distinct = r.points.map((p, i) => `${x(i).toFixed(2)},${(H - (p.distinct.total / top) * H).toFixed(2)}`).join(' ');
    const novelty = r.points.filter((p) => p.novelty_running !== null).map((p) => `${x(p.index).toFixed(2)},${(H - p.novelty_running! * H).toFixed(2)}`).join(' ');
    const floorY = H - r.novelty.floor * H;
    const fmt = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));
    return html`
      <h3>Variety</h3>
      <svg viewBox="-2 -2 ${W + 4} ${H + 4}" preserveAspectRatio="none" role="img" aria-label="distinct values made over jobs: ${r.distinct.total} after ${r.jobs} jobs">
        <polyline fill="none" stroke="#0072b2" stroke-width="2" vector-effect="non-scaling-stroke" points=${distinct}><title>distinct values made</title></polyline>
      </svg>
      <p class="cap">Distinct colours, moves, gradients, lightings and sounds made so far: ${r.distinct.total} after ${r.jobs} jobs (y: 0–${top}).</p>
      <svg viewBox="-2 -2 ${W + 4} ${H + 4}" preserveAspectRatio="none" role="img" aria-label="novelty over jobs, lowest ${fmt(r.novelty.min_running)}, floor ${r.novelty.floor}">
        <line x1="0" x2=${W} y1=${floorY} y2=${floorY} stroke="#d55e00" stroke-dasharray="4 3" vector-effect="non-scaling-stroke"><title>floor ${r.novelty.floor}</title></line>
        <polyline fill="none" stroke="#009e73" stroke-width="2" vector-effect="non-scaling-stroke" points=${novelty}><title>novelty</title></polyline>
      </svg>
      <p class="cap">Novelty: share of a job's observations that were new, mean of the last ${NOVELTY_WINDOW} jobs (y: 0–1); dashed: the floor ${r.novelty.floor}.
        Mean ${fmt(r.novelty.mean)}, lowest ${fmt(r.novelty.min_running)}; ${r.new_per_job} new entries a job; longest run of one prompt ${r.longest_prompt_run}.</p>
      <div class="scroll" tabindex="0" role="region" aria-label="Variety per kind"><table>
        <thead><tr><th>made</th>${VARIETY_KINDS.map((k) => html`<th>${k}</th>`)}</tr></thead>
        <tbody>
          <tr><th>distinct</th>${VARIETY_KINDS.map((k) => html`<td>${r.distinct[k]}</td>`)}</tr>
          <tr><th>entropy (bits)</th>${VARIETY_KINDS.map((k) => html`<td>${r.entropy[k].toFixed(2)}</td>`)}</tr>
        </tbody>
      </table></div>
      <p class="cap">Share of the pool a job drew from: colours ${fmt(r.pool_share.colors)}, sounds ${fmt(r.pool_share.sounds)}.</p>
    `;
  }
}

customElements.define('variety-chart', VarietyChart);

declare global {
  interface HTMLElementTagNameMap {
    'variety-chart': VarietyChart;
  }
}
