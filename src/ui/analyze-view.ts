// <analyze-view>: drop or pick MP4s, see each analysed (progress, then the report as pictures), optionally recorded.
import { LitElement, css, html } from 'lit';
import { isAnalysisError } from '../core/report/analysis.ts';
import type { AnalyzedFile, AppSession } from '../app/session.ts';
import type { GrowthMode } from '../core/registry/growth.ts';
import { viewStyles } from './ui-styles.ts';
import './report-view.ts';

interface Item {
  name: string;
  file: File;
  progress: number;
  done: AnalyzedFile | null;
  error: string | null;
}

/** <analyze-view> */
export class AnalyzeView extends LitElement {
  static override properties = {
    over: { state: true },
    session: { attribute: false },
    items: { state: true },
    record: { state: true },
  };

  static override styles = [viewStyles, css`
    .drop { border: 2px dashed #8a94ab; border-radius: 8px; padding: 1.2rem; text-align: center; }
    .drop.over { background: #eef2fc; border-color: #2f5bd3; }
    article { border-top: 1px solid #e2e5ec; padding-top: 0.5rem; margin-top: 0.5rem; }
  `];

  declare session: AppSession | null;
  declare private items: Item[];
  declare private over: boolean;
  declare private record: GrowthMode | '';

  constructor() {
    super();
    this.over = false;
    this.session = null;
    this.items = [];
    this.record = '';
  }

  private async analyze(files: File[]) {
    const mp4s = files.filter((f) => f.type === 'video/mp4' || /\.(mp4|m4v|mov)$/i.test(f.name));
    for (const file of mp4s) {
      const item: Item = { name: file.name, file, progress: 0, done: null, error: null };
      this.items = [...this.items, item];
      try {
        item.done = await this.session!.analyze(file, {
          record: this.record === '' ? null : this.record,
          signal: new AbortController().signal,
          onProgress: (f) => {
            item.progress = f;
            this.requestUpdate();
          },
        });
        item.progress = 1;
      } catch (err) {
        item.error = `${(err as Error).name}: ${(err as Error).message}`;
      }
      this.items = [...this.items];
    }
  }

  override render() {
    return html`
      <h2>Analyze</h2>
      <div class="drop ${this.over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => { e.preventDefault(); this.over = true; }}
        @dragleave=${() => (this.over = false)}
        @drop=${(e: DragEvent) => { e.preventDefault(); this.over = false; void this.analyze([...(e.dataTransfer?.files ?? [])]); }}>
        <p>Drop MP4 files here, or</p>
        <input type="file" accept="video/mp4,.mp4,.m4v,.mov" multiple aria-label="Pick MP4 files"
          @change=${(e: Event) => void this.analyze([...((e.target as HTMLInputElement).files ?? [])])}>
      </div>
      <div class="row"><label>Record into the registries
        <select @change=${(e: Event) => (this.record = (e.target as HTMLSelectElement).value as GrowthMode | '')}>
          <option value="">no</option><option value="frame">per-frame values</option><option value="window">per-window values</option><option value="all">both</option>
        </select></label></div>
      ${this.items.map((it) => html`<article>
        <h3>${it.name}</h3>
        ${it.done ? null : html`<progress max="1" .value=${it.progress}></progress>`}
        ${it.error ? html`<p class="error" role="alert">${it.error}</p>` : null}
        ${it.done && isAnalysisError(it.done.result) ? html`<p class="error">${it.done.result.error.code}: ${it.done.result.error.message}</p>` : null}
        ${it.done && !isAnalysisError(it.done.result) ? html`<report-view .report=${it.done.result} .file=${it.file}></report-view>${it.done.recorded !== null ? html`<p class="muted">${it.done.recorded} new entries recorded.</p>` : null}` : null}
      </article>`)}
    `;
  }
}

customElements.define('analyze-view', AnalyzeView);

declare global {
  interface HTMLElementTagNameMap {
    'analyze-view': AnalyzeView;
  }
}
