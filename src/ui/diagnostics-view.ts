// <diagnostics-view>: jobs, jobs missing a learning or discovery record (with a repair), agreement per field over time.
import { LitElement, html } from 'lit';
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

  static override styles = viewStyles;

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
        <tr><th>Jobs</th><td id="jobs">${d.jobs}</td></tr>
        <tr><th>Missing learning records</th><td id="missing-learning">${d.missing_learning}</td></tr>
        <tr><th>Missing discovery records</th><td id="missing-discovery">${d.missing_discovery}</td></tr>
        <tr><th>Mean agreement</th><td>${d.accuracy === null ? '—' : d.accuracy.toFixed(3)}</td></tr>
      </table>
      <div class="row"><button ?disabled=${missing === 0} @click=${() => this.backfill()}>Backfill missing records</button>
        <button @click=${() => this.refresh()}>Refresh</button>${this.note ? html`<span role="status">${this.note}</span>` : null}</div>
      <h3>Agreement per field</h3>
      <table><thead><tr>${Object.keys(s.mean).map((k) => html`<th>${k}</th>`)}</tr></thead>
        <tbody><tr>${Object.values(s.mean).map((v) => html`<td>${v === null ? '—' : v.toFixed(2)}</td>`)}</tr></tbody></table>
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
