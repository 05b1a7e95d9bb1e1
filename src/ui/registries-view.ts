// <registries-view>: every value registry as a table, and the narrative layers labelled intended or observed.
import { LitElement, html } from 'lit';
import { VALUE_REGISTRIES, type ValueRegistry } from '../core/registry/entry.ts';
import type { NarrativeRecord } from '../core/registry/export-records.ts';
import type { AppSession, RegistriesSnapshot } from '../app/session.ts';
import { viewStyles } from './ui-styles.ts';
import './registry-table.ts';

/** <registries-view> */
export class RegistriesView extends LitElement {
  static override properties = {
    session: { attribute: false },
    snapshot: { state: true },
    which: { state: true },
  };

  static override styles = viewStyles;

  declare session: AppSession | null;
  declare private snapshot: RegistriesSnapshot | null;
  declare private which: ValueRegistry | 'narrative';

  constructor() {
    super();
    this.session = null;
    this.snapshot = null;
    this.which = 'static.colors';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('session')) void this.refresh();
  }

  async refresh() {
    if (this.session) this.snapshot = await this.session.registries();
  }

  private narrativeTable(label: 'intended' | 'observed', rows: NarrativeRecord[]) {
    const keys = ['prompt', 'settings', 'genre', 'mood', 'themes', 'style', 'plot', 'palette', 'motion', 'camera', 'lighting', 'tempo', 'shots', 'cuts'];
    const show = (v: unknown) => (Array.isArray(v) ? (v.length && typeof v[0] === 'object' ? `${v.length} shots` : v.join(', ')) : v === null || v === undefined ? '—' : String(v));
    return html`<h3>Narrative — ${label}</h3><div class="scroll"><table>
      <caption class="muted" style="text-align:left">${rows.length} ${label} records (${label === 'intended' ? 'from the spec and the prompt' : 'measured from the video and its audio'})</caption>
      <thead><tr><th>Layer</th><th>Job</th>${keys.filter((k) => rows.some((r) => k in r.narrative)).map((k) => html`<th>${k}</th>`)}</tr></thead>
      <tbody>${rows.slice(-100).map((r) => html`<tr><td><b>${r.label}</b></td><td>${r.job_id ?? '—'}</td>${keys.filter((k) => rows.some((x) => k in x.narrative)).map((k) => html`<td>${show(r.narrative[k])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    const s = this.snapshot;
    return html`
      <h2>Registries</h2>
      <div class="row">
        <label>Registry <select @change=${(e: Event) => (this.which = (e.target as HTMLSelectElement).value as ValueRegistry | 'narrative')}>
          ${VALUE_REGISTRIES.map((r) => html`<option value=${r} ?selected=${r === this.which}>${r} (${s?.entries[r].filter((e) => e.origin === 'discovery').length ?? 0} discovered)</option>`)}
          <option value="narrative" ?selected=${this.which === 'narrative'}>narrative (intended / observed)</option>
        </select></label>
        <button @click=${() => this.refresh()}>Refresh</button>
      </div>
      ${!s ? html`<p class="muted">Loading…</p>` : this.which === 'narrative'
        ? html`${this.narrativeTable('intended', s.narrative.intended)}${this.narrativeTable('observed', s.narrative.observed)}`
        : html`<registry-table .registry=${this.which} .entries=${s.entries[this.which]}></registry-table>`}
    `;
  }
}

customElements.define('registries-view', RegistriesView);

declare global {
  interface HTMLElementTagNameMap {
    'registries-view': RegistriesView;
  }
}
