// <language-registry>: the linguistic registry (each word or phrase → what it means: domain, value, variant, region,
// where the mapping came from, times used) or the interpretation registry (the prompts read, by whom), a page at a
// time from the session, filtered by source and searched. A learned mapping can be removed (through the session,
// after a confirmation in the row); the app's own words cannot. Each has an empty state that says how it fills.
import { LitElement, css, html, nothing } from 'lit';
import type { AppSession } from '../app/session.ts';
import type { InterpretationRecord, LinguisticRecord } from '../core/registry/export-records.ts';
import type { InterpretationPage, LinguisticPage } from '../storage/language-page.ts';
import { plainError } from '../app/plain-error.ts';
import { viewStyles } from './ui-styles.ts';
import { pageControlStyles, pager } from './page-controls.ts';

/** Which language registry the element shows. */
export type LanguageRegistry = 'linguistic' | 'interpretation';

const WORD_SOURCES: Record<LinguisticRecord['source'], string> = {
  origin: "the app's starting words",
  'built-in': 'built-in spelling, dialect and slang',
  learned: 'learned: taught by you or met in prompts',
};
const PROMPT_SOURCES: Record<InterpretationRecord['source'], string> = {
  user: 'typed by a person',
  procedural: 'made by the loop',
  import: 'imported',
};
const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

const key = (r: Pick<LinguisticRecord, 'span' | 'domain' | 'canonical'>) => `${r.span}\u0000${r.domain}\u0000${r.canonical}`;
const said = (v: string) => v.replace(/_/g, ' ');

/** <language-registry> */
export class LanguageRegistryView extends LitElement {
  static override properties = {
    session: { attribute: false },
    which: {},
    source: { state: true },
    search: { state: true },
    offset: { state: true },
    words: { state: true },
    prompts: { state: true },
    confirming: { state: true },
    message: { state: true },
    error: { state: true },
  };

  static override styles = [viewStyles, pageControlStyles, css`
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td { overflow-wrap: anywhere; }
    td button { min-height: 2.3rem; }
    button.danger { background: #a01010; border-color: #a01010; color: #fff; }
    .not-applied { display: block; font-size: 0.8rem; color: #7a4a00; }
    .confirm { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
  `];

  declare session: AppSession | null;
  declare which: LanguageRegistry;
  declare private source: string;
  declare private search: string;
  declare private offset: number;
  declare private words: (LinguisticPage & { notApplied?: string[] }) | null;
  declare private prompts: InterpretationPage | null;
  declare private confirming: string | null;
  declare private message: string | null;
  declare private error: string | null;
  private request = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.session = null;
    this.which = 'linguistic';
    this.source = '';
    this.search = '';
    this.offset = 0;
    this.words = null;
    this.prompts = null;
    this.confirming = null;
    this.message = null;
    this.error = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('which') && changed.get('which') !== undefined) {
      this.source = '';
      this.search = '';
      this.offset = 0;
      this.message = null;
    }
    if (changed.has('session') || changed.has('which')) void this.refresh();
  }

  /** Reload the current page. */
  async refresh(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const id = ++this.request;
    try {
      const q = { source: this.source || null, search: this.search, offset: this.offset, limit: PAGE_SIZE };
      if (this.which === 'linguistic') {
        const page = await session.linguisticPage(q as Parameters<AppSession['linguisticPage']>[0]);
        // the last row of the last page removed: show the page before it, not "51–50 of 50"
        if (id === this.request && page.rows.length === 0 && page.matched > 0 && this.offset > 0) {
          this.offset = Math.max(0, Math.floor((page.matched - 1) / PAGE_SIZE) * PAGE_SIZE);
          return this.refresh();
        }
        if (id === this.request) this.words = page;
      } else {
        const page = await session.interpretationPage(q as Parameters<AppSession['interpretationPage']>[0]);
        if (id === this.request) this.prompts = page;
      }
      if (id === this.request) this.error = null;
    } catch (err) {
      if (id === this.request) this.error = `The registry could not be read: ${plainError(err)}`;
    }
  }

  private setSource(source: string) {
    this.source = source;
    this.offset = 0;
    this.confirming = null;
    void this.refresh();
  }

  private onSearch(value: string) {
    this.search = value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.offset = 0;
      void this.refresh();
    }, SEARCH_DELAY_MS);
  }

  private go(offset: number) {
    this.offset = Math.max(0, offset);
    void this.refresh();
  }

  private async removeMapping(r: LinguisticRecord) {
    const session = this.session;
    if (!session) return;
    try {
      await session.removeLearned({ span: r.span, domain: r.domain, canonical: r.canonical });
      // a meaning the interpreter finds by itself is recorded again when met; with sync on, another browser may hold it
      this.message = `Removed “${r.span}” → ${said(r.domain)} ${said(r.canonical)} from the registry. A meaning the interpreter finds by itself (WordNet, spelling) is recorded again when a prompt meets it, and with sync on another browser that holds it may bring it back.`;
    } catch (err) {
      this.message = `Not removed: ${plainError(err)}`;
    }
    this.confirming = null;
    await this.refresh();
  }

  private filters(sources: Record<string, string>, counts: Record<string, number> | null, searchLabel: string) {
    return html`<div class="filters" role="search" aria-label="Search and filter this registry">
      <label>${searchLabel}<input type="search" name="search" .value=${this.search} @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}></label>
      <label>Source<select name="source" @change=${(e: Event) => this.setSource((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.source === ''}>Every source</option>
        ${Object.entries(sources).map(([k, label]) => html`<option value=${k} ?selected=${k === this.source}>${k}: ${label}${counts ? ` (${(counts[k] ?? 0).toLocaleString('en')})` : ''}</option>`)}
      </select></label>
    </div>`;
  }

  private wordsTable(p: LinguisticPage & { notApplied?: string[] }) {
    if (p.total === 0) {
      return html`<p class="muted empty">No words recorded yet. A word is recorded when the loop reads a prompt, when you
        Interpret with “Record” ticked, or when you Teach a word in Interpret.</p>`;
    }
    if (p.matched === 0) {
      return html`<p class="muted empty">${this.source === 'learned' && !this.search
        ? 'No learned words: teach one in Interpret (Correct or Teach beside a word), or run the loop, which learns places it meets.'
        : 'No word matches this search and source.'}</p>`;
    }
    return html`${pager(p, (o) => this.go(o), 'mappings')}
      <div class="scroll" tabindex="0" role="region" aria-label="Linguistic registry"><table>
      <thead><tr><th scope="col">Word or phrase</th><th scope="col">Means</th><th scope="col">Variant</th><th scope="col">Region</th><th scope="col">Source</th><th scope="col">Times used</th><th scope="col"><span class="vh">Action</span></th></tr></thead>
      <tbody>${p.rows.map((r) => html`<tr>
        <td><b>${r.span}</b></td>
        <td>${said(r.domain)} → ${said(r.canonical)}</td>
        <td>${r.variant}</td>
        <td>${r.dialect ? said(r.dialect) : '—'}</td>
        <td>${r.source}${p.notApplied?.includes(key(r)) ? html`<span class="not-applied"> saved, not applied: the app's own words keep their meaning</span>` : nothing}</td>
        <td class="num">${r.count.toLocaleString('en')}</td>
        <td>${r.source !== 'learned' ? null : this.confirming === key(r)
          ? html`<span class="confirm">Remove “${r.span}”?
              <button class="danger" @click=${() => this.removeMapping(r)}>Yes, remove</button>
              <button @click=${() => (this.confirming = null)}>Keep</button></span>`
          : html`<button aria-label="Remove “${r.span}” → ${said(r.domain)} ${said(r.canonical)}" @click=${() => { this.confirming = key(r); this.message = null; }}>Remove</button>`}</td>
      </tr>`)}</tbody>
      </table></div>`;
  }

  private promptsTable(p: InterpretationPage) {
    if (p.total === 0) {
      return html`<p class="muted empty">No prompts read yet. The loop records every prompt it reads; a prompt you Interpret with
        “Record” ticked, or make a clip from in Create, is recorded with source user.</p>`;
    }
    if (p.matched === 0) return html`<p class="muted empty">No prompt matches this search and source.</p>`;
    const read = (r: InterpretationRecord) => {
      const i = r.instruction;
      if (!i) return r.error ? `failed: ${r.error}` : '—';
      const parts = [i.camera.move && i.camera.move !== 'static' ? `camera ${said(i.camera.move)}` : '', i.motion.level ? `motion ${i.motion.level}` : '',
        i.palette.primitives.length ? i.palette.primitives.join(', ') : '', i.narrative.settings.length ? `in ${i.narrative.settings.join(', ')}` : ''].filter(Boolean);
      return parts.join(' · ') || 'nothing understood';
    };
    return html`${pager(p, (o) => this.go(o), 'prompts')}
      <div class="scroll" tabindex="0" role="region" aria-label="Interpretation registry"><table>
      <thead><tr><th scope="col">Prompt</th><th scope="col">Read as</th><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last read</th></tr></thead>
      <tbody>${p.rows.map((r) => html`<tr><td>${r.prompt}</td><td>${read(r)}</td><td>${r.source}</td><td>${r.status}</td><td>${r.updated_at.slice(0, 16).replace('T', ' ')}</td></tr>`)}</tbody>
      </table></div>`;
  }

  override render() {
    const words = this.which === 'linguistic';
    const p = words ? this.words : this.prompts;
    return html`
      ${words
        ? html`<p class="muted">Every word or phrase the interpreter has used, what it means, and where that meaning came from. Learned ones can be removed.</p>`
        : html`<p class="muted">Every prompt read, and what it was read as.</p>`}
      ${words ? this.filters(WORD_SOURCES, this.words?.bySource ?? null, 'Search words') : this.filters(PROMPT_SOURCES, this.prompts?.bySource ?? null, 'Search prompts')}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <p role="status" class="muted" id="removed">${this.message ?? ''}</p>
      ${p === null ? html`<p class="muted">Loading…</p>` : words && this.words ? this.wordsTable(this.words) : this.prompts ? this.promptsTable(this.prompts) : null}
    `;
  }
}

customElements.define('language-registry', LanguageRegistryView);

declare global {
  interface HTMLElementTagNameMap {
    'language-registry': LanguageRegistryView;
  }
}
