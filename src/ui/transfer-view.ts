// <transfer-view>: download the registries as a motion-registries/1 file, or import one (every problem shown precisely).
import { LitElement, html } from 'lit';
import type { AppSession } from '../app/session.ts';
import { viewStyles } from './ui-styles.ts';

/** <transfer-view> */
export class TransferView extends LitElement {
  static override properties = {
    session: { attribute: false },
    result: { state: true },
    problems: { state: true },
    error: { state: true },
  };

  static override styles = viewStyles;

  declare session: AppSession | null;
  declare private result: string | null;
  declare private problems: string[];
  declare private error: string | null;

  constructor() {
    super();
    this.session = null;
    this.result = null;
    this.problems = [];
    this.error = null;
  }

  private async download() {
    const text = await this.session!.exportText();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `motion-registries-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.result = `Exported ${(text.length / 1024).toFixed(1)} KiB.`;
  }

  private async pick(file: File | undefined) {
    if (!file) return;
    this.result = this.error = null;
    this.problems = [];
    try {
      const s = await this.session!.importText(await file.text());
      this.result = `Imported ${file.name}: ${s.added} added, ${s.merged} merged, ${s.unchanged} unchanged.`;
    } catch (err) {
      const e = err as Error & { problems?: { path: string; message: string }[] };
      this.error = `${file.name}: ${e.name}: ${e.name === 'ImportValidationError' ? 'not a valid motion-registries/1 file; nothing was changed' : e.message}`;
      this.problems = (e.problems ?? []).map((p) => `${p.path}: ${p.message}`);
    }
  }

  override render() {
    return html`
      <h2>Export / Import</h2>
      <div class="row"><button class="primary" @click=${() => this.download()}>Download export</button></div>
      <div class="row"><label>Import a file <input type="file" accept="application/json,.json" @change=${(e: Event) => this.pick((e.target as HTMLInputElement).files?.[0])}></label></div>
      ${this.result ? html`<p role="status">${this.result}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${this.problems.length ? html`<ul class="error">${this.problems.map((p) => html`<li><code>${p}</code></li>`)}</ul>` : null}
    `;
  }
}

customElements.define('transfer-view', TransferView);

declare global {
  interface HTMLElementTagNameMap {
    'transfer-view': TransferView;
  }
}
