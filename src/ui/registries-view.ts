// <registries-view>: one registry at a time, a page at a time (searched, filtered and sorted by the store, never
// loaded whole), and the narrative layers labelled intended or observed.
import { LitElement, css, html } from 'lit';
import { VALUE_REGISTRIES, type EntryOrigin, type ValueRegistry } from '../core/registry/entry.ts';
import type { NarrativeRecord } from '../core/registry/export-records.ts';
import type { AppSession } from '../app/session.ts';
import type { RegistryPage, RegistrySort } from '../storage/registry-page.ts';
import type { NarrativePage } from '../storage/narrative-page.ts';
import type { RegistryCounts } from '../storage/repo-entries.ts';
import { viewStyles } from './ui-styles.ts';
import { pageControlStyles, pager } from './page-controls.ts';
import './registry-table.ts';
import './language-registry.ts';

/** What the registry picker can show: a value registry, the narrative layers, or a language registry. */
type Shown = ValueRegistry | 'narrative' | 'linguistic' | 'interpretation';
const isLanguage = (w: Shown): w is 'linguistic' | 'interpretation' => w === 'linguistic' || w === 'interpretation';

/** What each registry holds, in plain words (the technical name is shown beside it). */
const REGISTRY_LABELS: Record<ValueRegistry, string> = {
  'static.colors': 'Colours seen in single frames',
  'static.sound': 'Sounds of single audio frames',
  'dynamic.colors': 'Colours of half-second windows',
  'dynamic.motion': 'Motion',
  'dynamic.camera': 'Camera moves',
  'dynamic.gradient': 'Gradients',
  'dynamic.lighting': 'Lighting',
  'dynamic.sound.tempo': 'Tempo',
  'dynamic.sound.mood': 'Sound mood',
  'dynamic.sound.presence': 'Sound presence',
  'dynamic.sound.melody': 'Melodies',
  'dynamic.sound.speech': 'Speech',
  'dynamic.blends': 'Blends of motion, lighting and camera',
};

const SORT_LABELS: Record<RegistrySort, string> = { first_seen: 'First seen', name: 'Name', count: 'Times seen', last_seen: 'Last seen' };
const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;
/** The session's draft key for this view's query. */
const DRAFT_VIEW = 'registries';

/** <registries-view> */
export class RegistriesView extends LitElement {
  static override properties = {
    session: { attribute: false },
    which: { state: true },
    search: { state: true },
    origin: { state: true },
    canonical: { state: true },
    sort: { state: true },
    descending: { state: true },
    offset: { state: true },
    page: { state: true },
    totals: { state: true },
    narrative: { state: true },
    error: { state: true },
  };

  static override styles = [viewStyles, pageControlStyles, css`
    /* The registry names are long: the picker shrinks to the screen (390 px) instead of pushing the page sideways. */
    .registry label { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; flex: 0 1 auto; min-width: 0; max-width: 100%; }
    .registry select { min-width: 0; max-width: 100%; padding: 0.35rem; min-height: 2.3rem; }
  `];

  declare session: AppSession | null;
  declare private which: Shown;
  declare private search: string;
  declare private origin: EntryOrigin | '';
  declare private canonical: string;
  declare private sort: RegistrySort;
  declare private descending: boolean;
  declare private offset: number;
  declare private page: RegistryPage | null;
  declare private totals: RegistryCounts['entries'] | null;
  declare private narrative: { intended: NarrativePage; observed: NarrativePage } | null;
  declare private error: string | null;
  /** Only the latest request may paint: a slow page must not overwrite a newer one. */
  private request = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.session = null;
    this.which = 'static.colors';
    this.search = '';
    this.origin = '';
    this.canonical = '';
    this.sort = 'first_seen';
    this.descending = false;
    this.offset = 0;
    this.page = null;
    this.totals = null;
    this.narrative = null;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('session')) {
      this.restore();
      void this.refresh();
    }
  }

  /** The query as the person left it (the session keeps it across tabs and reloads). */
  private restore() {
    const d = this.session?.viewDraft(DRAFT_VIEW) ?? {};
    if (typeof d.which === 'string') this.which = d.which as Shown;
    if (typeof d.search === 'string') this.search = d.search;
    if (typeof d.origin === 'string') this.origin = d.origin as EntryOrigin | '';
    if (typeof d.canonical === 'string') this.canonical = d.canonical;
    if (typeof d.sort === 'string') this.sort = d.sort as RegistrySort;
    if (typeof d.descending === 'boolean') this.descending = d.descending;
    if (typeof d.offset === 'number') this.offset = d.offset;
  }

  /** Hand the query to the session, so it survives switching tabs and reloading. */
  private keep() {
    this.session?.setViewDraft(DRAFT_VIEW, {
      which: this.which, search: this.search, origin: this.origin, canonical: this.canonical, sort: this.sort, descending: this.descending, offset: this.offset,
    });
  }

  /** Reload the totals and the current page. */
  async refresh() {
    const session = this.session;
    if (!session) return;
    const id = ++this.request;
    try {
      const totals = await session.registryTotals();
      if (isLanguage(this.which)) {
        // <language-registry> pages itself through the session.
        await this.renderRoot.querySelector('language-registry')?.refresh();
      } else if (this.which === 'narrative') {
        const [intended, observed] = await Promise.all([session.narrativePage('intended'), session.narrativePage('observed')]);
        if (id !== this.request) return;
        this.narrative = { intended, observed };
      } else {
        const page = await session.registryPage({
          registry: this.which, search: this.search, origin: this.origin || null, canonical: this.canonical || null,
          sort: this.sort, descending: this.descending, offset: this.offset, limit: PAGE_SIZE,
        });
        if (id !== this.request) return;
        this.page = page;
      }
      this.totals = totals;
      this.error = null;
    } catch (err) {
      if (id === this.request) this.error = `The registry could not be read: ${(err as Error).message}`;
    }
  }

  /** Change the query and go back to the first page. */
  private set(patch: { which?: Shown; origin?: EntryOrigin | ''; canonical?: string; sort?: RegistrySort; descending?: boolean }) {
    Object.assign(this, patch);
    if (patch.which !== undefined) {
      this.canonical = '';
      this.page = null;
    }
    this.offset = 0;
    this.keep();
    void this.refresh();
  }

  private onSearch(value: string) {
    this.search = value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.offset = 0;
      this.keep();
      void this.refresh();
    }, SEARCH_DELAY_MS);
  }

  private go(offset: number) {
    this.offset = Math.max(0, offset);
    this.keep();
    void this.refresh();
  }

  private narrativeTable(label: 'intended' | 'observed', page: NarrativePage) {
    const rows: NarrativeRecord[] = page.rows;
    const keys = ['prompt', 'settings', 'genre', 'mood', 'themes', 'style', 'plot', 'palette', 'motion', 'camera', 'lighting', 'tempo', 'shots', 'cuts'].filter((k) => rows.some((r) => k in r.narrative));
    const show = (v: unknown) => (Array.isArray(v) ? (v.length && typeof v[0] === 'object' ? `${v.length} shots` : v.join(', ')) : v === null || v === undefined ? '—' : String(v));
    return html`<h3>Narrative — ${label}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label="Narrative ${label} records"><table>
      <caption class="muted" style="text-align:left">${rows.length < page.total ? `The newest ${rows.length} of ` : ''}${page.total} ${label} records (${label === 'intended' ? 'from the spec and the prompt' : 'measured from the video and its audio'})</caption>
      <thead><tr><th scope="col">Layer</th><th scope="col">Job</th>${keys.map((k) => html`<th scope="col">${k}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr><td><b>${r.label}</b></td><td>${r.job_id ?? '—'}</td>${keys.map((k) => html`<td>${show(r.narrative[k])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private controls(p: RegistryPage | null) {
    return html`<div class="filters" role="search" aria-label="Search and filter this registry">
      <label>Search names<input type="search" name="search" .value=${this.search} placeholder=${p && (p.registry === 'static.colors' || p.registry === 'dynamic.colors') ? 'name, or #hex' : 'name'}
        @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}></label>
      <label>Origin<select name="origin" @change=${(e: Event) => this.set({ origin: (e.target as HTMLSelectElement).value as EntryOrigin | '' })}>
        <option value="" ?selected=${this.origin === ''}>Primitives and discoveries</option>
        <option value="primitive" ?selected=${this.origin === 'primitive'}>Primitives only</option>
        <option value="discovery" ?selected=${this.origin === 'discovery'}>Discoveries only</option>
      </select></label>
      <label>Filed under<select name="canonical" @change=${(e: Event) => this.set({ canonical: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${this.canonical === ''}>Any</option>
        ${(p?.canonicals ?? []).map((c) => html`<option value=${c} ?selected=${c === this.canonical}>${c}</option>`)}
      </select></label>
      <label>Sort by<select name="sort" @change=${(e: Event) => this.set({ sort: (e.target as HTMLSelectElement).value as RegistrySort })}>
        ${Object.entries(SORT_LABELS).map(([k, label]) => html`<option value=${k} ?selected=${k === this.sort}>${label}</option>`)}
      </select></label>
      <label>Order<select name="order" @change=${(e: Event) => this.set({ descending: (e.target as HTMLSelectElement).value === 'desc' })}>
        <option value="asc" ?selected=${!this.descending}>Ascending</option>
        <option value="desc" ?selected=${this.descending}>Descending</option>
      </select></label>
    </div>`;
  }

  override render() {
    const t = this.totals;
    const p = this.page && this.page.registry === this.which ? this.page : null;
    return html`
      <h2>Registries</h2>
      <div class="row registry">
        <label>Registry <select name="registry" @change=${(e: Event) => this.set({ which: (e.target as HTMLSelectElement).value as Shown })}>
          ${VALUE_REGISTRIES.map((r) => html`<option value=${r} ?selected=${r === this.which}>${REGISTRY_LABELS[r]} · ${r} (${t ? `${t[r].discoveries.toLocaleString('en')} discovered` : '…'})</option>`)}
          <option value="narrative" ?selected=${this.which === 'narrative'}>Narrative, intended and observed · narrative</option>
          <option value="linguistic" ?selected=${this.which === 'linguistic'}>Words and what they mean · linguistic</option>
          <option value="interpretation" ?selected=${this.which === 'interpretation'}>Prompts read · interpretation</option>
        </select></label>
        <button @click=${() => this.refresh()}>Refresh</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${isLanguage(this.which) ? html`<language-registry .session=${this.session} .which=${this.which}></language-registry>`
        : this.which === 'narrative'
        ? this.narrative ? html`${this.narrativeTable('intended', this.narrative.intended)}${this.narrativeTable('observed', this.narrative.observed)}` : html`<p class="muted">Loading…</p>`
        : html`${this.controls(p)}
          ${p ? html`${pager(p, (o) => this.go(o))}<registry-table .registry=${p.registry} .entries=${p.rows} .primitives=${p.primitives} .discoveries=${p.discoveries}></registry-table>` : html`<p class="muted">Loading…</p>`}`}
    `;
  }
}

customElements.define('registries-view', RegistriesView);

declare global {
  interface HTMLElementTagNameMap {
    'registries-view': RegistriesView;
  }
}
