// <sync-view>: the Sync section: API URL, token, on/off, and the controller's status (last sync,
// pending, last error) with "Sync now". It only displays and dispatches: the logic is SyncController's.
import { LitElement, css, html } from 'lit';
import type { SyncController, SyncSettings } from '../sync/sync-controller.ts';
import type { SyncStatus } from '../sync/sync-loop.ts';
import { viewStyles } from './ui-styles.ts';

/** How often the shown status is refreshed while the section is on screen (the outbox count is one read). */
const REFRESH_MS = 1000;

/** <sync-view> */
export class SyncView extends LitElement {
  static override properties = {
    controller: { attribute: false },
    settings: { state: true },
    status: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
  };

  static override styles = [viewStyles, css`
    form { display: grid; gap: 0.5rem; max-width: 36rem; }
    label.field { display: grid; gap: 0.2rem; }
    input[type='url'], input[type='password'] { width: 100%; box-sizing: border-box; padding: 0.4rem; min-height: 2.4rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.8rem; margin: 0.6rem 0; }
    dd { margin: 0; overflow-wrap: anywhere; }
  `];

  declare controller: SyncController | null;
  declare private settings: SyncSettings | null;
  declare private status: SyncStatus | null;
  declare private busy: boolean;
  declare private message: string | null;
  declare private error: string | null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.controller = null;
    this.settings = null;
    this.status = null;
    this.busy = false;
    this.message = null;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('controller') || !this.controller) return;
    this.controller.settings().then((s) => (this.settings = s), (err: unknown) => (this.error = String(err)));
    void this.refresh();
  }

  private async refresh() {
    if (!this.controller) return;
    this.status = await this.controller.statusNow().catch(() => this.controller?.status() ?? null);
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    if (!this.controller) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => {
      const v = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      return v === '' ? null : v;
    };
    const s: SyncSettings = { url: value('url'), token: value('token'), enabled: (form.elements.namedItem('enabled') as HTMLInputElement).checked };
    await this.run(async () => {
      await this.controller?.configure(s);
      this.settings = s;
      this.message = s.enabled ? 'Saved; sync is on.' : 'Saved; sync is off: nothing is sent.';
    });
  }

  private async syncNow() {
    await this.run(async () => {
      const r = await this.controller?.syncNow();
      if (r) this.message = `Synced: ${r.pushed} pushed, ${r.pulled} pulled, ${r.pending} pending.`;
    });
  }

  /** One action at a time; its error shown, the status refreshed either way. */
  private async run(action: () => Promise<void>) {
    this.busy = true;
    this.message = this.error = null;
    try {
      await action();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  override render() {
    const s = this.settings;
    const st = this.status;
    if (!s || !this.controller) return html`<h2>Sync</h2><p class="muted">Loading the sync settings…</p>`;
    return html`
      <h2>Sync</h2>
      <p class="muted">Share the registries through a sync API. Nothing is sent anywhere unless sync is on and a URL is set.</p>
      <form @submit=${(e: SubmitEvent) => this.save(e)}>
        <label class="field">API URL <input type="url" name="url" placeholder="https://…" .value=${s.url ?? ''} autocomplete="url"></label>
        <label class="field">Token <input type="password" name="token" .value=${s.token ?? ''} autocomplete="off"></label>
        <label><input type="checkbox" name="enabled" .checked=${s.enabled}> Sync on</label>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save</button>
          <button type="button" ?disabled=${this.busy || !s.enabled} @click=${() => this.syncNow()}>Sync now</button>
        </div>
      </form>
      <dl aria-label="Sync status">
        <dt>State</dt><dd data-field="state">${!s.enabled ? 'off' : st?.syncing ? 'syncing…' : st?.running ? 'on' : 'stopped'}</dd>
        <dt>Last sync</dt><dd data-field="last-sync">${st?.last_sync ? new Date(st.last_sync).toLocaleString() : 'never'}</dd>
        <dt>Pending</dt><dd data-field="pending">${st?.pending ?? 0}</dd>
        <dt>Last error</dt><dd data-field="last-error" class=${st?.last_error ? 'error' : ''}>${st?.last_error ?? 'none'}</dd>
      </dl>
      ${this.message ? html`<p role="status">${this.message}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
    `;
  }
}

customElements.define('sync-view', SyncView);

declare global {
  interface HTMLElementTagNameMap {
    'sync-view': SyncView;
  }
}
