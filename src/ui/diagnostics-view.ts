// <diagnostics-view>: jobs, jobs missing a learning or discovery record (with a repair), agreement per field over time.
import { LitElement, css, html } from 'lit';
import type { AppSession, DiagnosticsSnapshot } from '../app/session.ts';
import { viewStyles } from './ui-styles.ts';
import './agreement-plot.ts';
import './variety-chart.ts';

/** <diagnostics-view> */
export class DiagnosticsView extends LitElement {
  static override properties = {
    session: { attribute: false },
    snap: { state: true },
    note: { state: true },
  };

  static override styles = [viewStyles, css`
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .bar { display: inline-block; width: 8rem; max-width: 30vw; height: 0.7rem; border: 1px solid #6b7489; border-radius: 2px; vertical-align: middle; }
    .bar span { display: block; height: 100%; background: #2f5bd3; }
  `];

  declare session: AppSession | null;
  declare private snap: DiagnosticsSnapshot | null;
  declare private note: string | null;

  constructor() {
    super();
    this.session = null;
    this.snap = null;
    this.note = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('session')) void this.refresh();
  }

  async refresh() {
    if (this.session) this.snap = await this.session.diagnostics();
  }

  private async backfill() {
    const r = await this.session!.backfill();
    this.note = `Backfilled ${r.learning} learning and ${r.discovery} discovery records.`;
    await this.refresh();
  }

  override render() {
    const s = this.snap;
    if (!s) return html`<h2>Diagnostics</h2><p class="muted">Loading…</p>`;
    const d = s.diagnostics;
    const missing = d.missing_learning + d.missing_discovery;
    return html`
      <h2>Diagnostics</h2>
      <table>
        <caption class="visually-hidden">Runs and their records</caption>
        <tr><th>Jobs</th><td id="jobs">${d.jobs}</td></tr>
        <tr><th>Missing learning records</th><td id="missing-learning">${d.missing_learning}</td></tr>
        <tr><th>Missing discovery records</th><td id="missing-discovery">${d.missing_discovery}</td></tr>
        <tr><th>Mean agreement</th><td>${d.accuracy === null ? '—' : d.accuracy.toFixed(3)}</td></tr>
      </table>
      <div class="row"><button ?disabled=${missing === 0} @click=${() => this.backfill()}>Backfill missing records</button>
        <button @click=${() => this.refresh()}>Refresh</button>${this.note ? html`<span role="status">${this.note}</span>` : null}</div>
      <h3>Agreement per field</h3>
      <!-- One row per field, so the table reflows at 390 px instead of running sideways. -->
      <div class="scroll" tabindex="0" role="region" aria-label="Agreement per field"><table id="agreement">
        <thead><tr><th scope="col">Field</th><th scope="col">Mean agreement (0–1)</th><th scope="col"><span class="visually-hidden">As a bar</span></th></tr></thead>
        <tbody>${Object.entries(s.mean).map(([k, v]) => html`<tr><th scope="row">${k}</th><td class="num">${v === null ? '—' : v.toFixed(2)}</td>
          <td>${v === null ? null : html`<span class="bar" role="img" aria-label="${(v * 100).toFixed(0)} %"><span style="width:${(v * 100).toFixed(1)}%"></span></span>`}</td></tr>`)}</tbody></table></div>
      <agreement-plot .series=${s.series}></agreement-plot>
      <variety-chart .session=${this.session}></variety-chart>
    `;
  }
}

customElements.define('diagnostics-view', DiagnosticsView);

declare global {
  interface HTMLElementTagNameMap {
    'diagnostics-view': DiagnosticsView;
  }
}
