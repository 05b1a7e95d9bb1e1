// <transfer-view>: download the registries as a motion-registries/1 file, or import one (every problem shown precisely).
import { LitElement, html } from 'lit';
import type { AppSession } from '../app/session.ts';
import { importFailure } from '../storage/import-failure.ts';
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
      const failure = importFailure(err, file.name);
      this.error = failure.message;
      this.problems = failure.problems;
    }
  }

  override render() {
    return html`
      <h2>Export / Import</h2>
      <div class="row"><button class="primary" @click=${() => this.download()}>Download export</button></div>
      <div class="row"><label>Import a file <input type="file" accept="application/json,.json" @change=${(e: Event) => this.pick((e.target as HTMLInputElement).files?.[0])}></label></div>
      ${this.result ? html`<p role="status">${this.result}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${this.problems.length ? html`<div class="scroll" tabindex="0" role="region" aria-label="Problems in the file"><ul class="error problems">${this.problems.slice(0, 200).map((p) => html`<li><code>${p}</code></li>`)}</ul></div>` : null}
      ${this.problems.length > 200 ? html`<p class="muted">…and ${this.problems.length - 200} more.</p>` : null}
    `;
  }
}

customElements.define('transfer-view', TransferView);

declare global {
  interface HTMLElementTagNameMap {
    'transfer-view': TransferView;
  }
}
