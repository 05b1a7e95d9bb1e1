// <mr-app>: the application shell: the registries opened once, and the views behind keyboard-reachable tabs
// (←/→, Home/End). A first visit opens on the welcome; later ones where the person left off.
import { LitElement, css, html } from 'lit';
import { AppSession } from '../app/session.ts';
import type { SyncController } from '../sync/sync-controller.ts';
import { viewStyles } from './ui-styles.ts';
import './loop-view.ts';
import './create-view.ts';
import './analyze-view.ts';
import './registries-view.ts';
import './interpret-view.ts';
import './diagnostics-view.ts';
import './transfer-view.ts';
import './sync-view.ts';
import './welcome-view.ts';

const VIEWS = [
  ['home', 'Home'],
  ['loop', 'Loop'],
  ['create', 'Create'],
  ['analyze', 'Analyze'],
  ['registries', 'Registries'],
  ['interpret', 'Interpret'],
  ['diagnostics', 'Diagnostics'],
  ['transfer', 'Export / Sync'],
] as const;
type View = (typeof VIEWS)[number][0];

/** localStorage key of the last view shown: a reload (or a visit without #view) comes back to it; none yet: the welcome. */
const LAST_VIEW_KEY = 'last_view';

function isView(v: string | null | undefined): v is View {
  return VIEWS.some(([id]) => id === v);
}

function lastView(): string | null {
  try {
    return globalThis.localStorage?.getItem(LAST_VIEW_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The application shell: header, tabs and the chosen view. */
/** <mr-app> */
export class MrApp extends LitElement {
  static override properties = {
    view: { state: true },
    session: { state: true },
    error: { state: true },
    sync: { state: true },
    dbName: { attribute: 'db-name' },
  };

  static override styles = [viewStyles, css`
    header { background: #1d2330; color: #fff; padding: 0.6rem 1rem; }
    h1 { font-size: 1.15rem; margin: 0; }
    nav { padding: 0.5rem 1rem; border-bottom: 1px solid #e2e5ec; background: #f4f6fa; }
    [role=tablist] { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    nav button { min-height: 2.4rem; }
    nav button[aria-selected='true'] { background: #2f5bd3; color: #fff; border-color: #2f5bd3; }
    main { padding: 0.8rem 1rem 2rem; max-width: 70rem; min-width: 0; }
    @media (max-width: 480px) { main { padding: 0.6rem; } nav { padding: 0.5rem 0.6rem; } nav button { flex: 1 1 30%; padding: 0.4rem; } }
  `];

  declare private view: View;
  declare private session: AppSession | null;
  declare private error: string | null;
  /** The sync loop lives with the app, not the view: it keeps running while other tabs are shown. */
  declare private sync: SyncController | null;
  /** The IndexedDB database to open (default the app's own; tests give their own). */
  declare dbName: string | undefined;

  constructor() {
    super();
    this.dbName = undefined;
    this.view = 'home';
    this.session = null;
    this.error = null;
    this.sync = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const hash = location.hash.slice(1);
    const last = lastView();
    // A first visit opens on the welcome; later ones on the view asked for (#view) or the one left.
    this.view = isView(hash) ? hash : isView(last) ? last : 'home';
    globalThis.addEventListener('hashchange', this.onHash);
    AppSession.open(this.dbName).then((s) => {
      this.session = s;
      // Starts nothing unless sync is on with a URL and token (kept in the store's meta).
      const sync = s.syncController({ online: () => navigator.onLine });
      this.sync = sync;
      sync.start().catch((err: unknown) => console.warn('sync could not start', err));
    }, (err: unknown) => (this.error = `The registries could not be opened: ${(err as Error).message}`));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this.onHash);
  }

  /** Links such as the welcome's (`#analyze`) switch views. */
  private onHash = () => {
    const hash = location.hash.slice(1);
    if (isView(hash) && hash !== this.view) this.select(hash);
  };

  private select(v: View) {
    this.view = v;
    history.replaceState(null, '', `#${v}`);
    try {
      globalThis.localStorage?.setItem(LAST_VIEW_KEY, v);
    } catch {
      // Private mode: the next visit opens on the welcome.
    }
  }

  private onKey(e: KeyboardEvent) {
    const i = VIEWS.findIndex(([v]) => v === this.view);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const [v] = VIEWS[(next + VIEWS.length) % VIEWS.length] ?? VIEWS[0];
    this.select(v);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${v}`)?.focus());
  }

  private body() {
    const s = this.session;
    switch (this.view) {
      case 'home': return html`<welcome-view></welcome-view>`;
      case 'loop': return html`<loop-view .session=${s}></loop-view>`;
      case 'create': return html`<create-view .session=${s}></create-view>`;
      case 'analyze': return html`<analyze-view .session=${s}></analyze-view>`;
      case 'registries': return html`<registries-view .session=${s}></registries-view>`;
      case 'interpret': return html`<interpret-view .session=${s}></interpret-view>`;
      case 'diagnostics': return html`<diagnostics-view .session=${s}></diagnostics-view>`;
      case 'transfer': return html`<transfer-view .session=${s}></transfer-view><sync-view .controller=${this.sync}></sync-view>`;
    }
  }

  override render() {
    return html`
      <header><h1>Motion Registries</h1></header>
      <nav aria-label="Views"><div role="tablist" aria-label="Views" @keydown=${this.onKey}>
        ${VIEWS.map(([v, label]) => html`<button role="tab" id="tab-${v}" aria-selected=${v === this.view ? 'true' : 'false'} tabindex=${v === this.view ? 0 : -1} aria-controls="view" @click=${() => this.select(v)}>${label}</button>`)}
      </div></nav>
      <main><div id="view" role="tabpanel" aria-labelledby="tab-${this.view}">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : this.view === 'home' ? this.body() : this.session ? this.body() : html`<p class="muted">Opening the registries…</p>`}
      </div></main>
      <slot name="update"></slot>
    `;
  }
}

customElements.define('mr-app', MrApp);

declare global {
  interface HTMLElementTagNameMap {
    'mr-app': MrApp;
  }
}
