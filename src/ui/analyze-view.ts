// <analyze-view>: drop or pick MP4s, see each analysed (progress, then the report as pictures), optionally recorded.
import { LitElement, css, html } from 'lit';
import { isAnalysisError } from '../core/report/analysis.ts';
import type { AppSession } from '../app/session.ts';
import type { GrowthMode } from '../core/registry/growth.ts';
import { SessionController } from './session-controller.ts';
import { viewStyles } from './ui-styles.ts';
import './report-view.ts';

/** <analyze-view> */
export class AnalyzeView extends LitElement {
  static override properties = {
    over: { state: true },
    session: { attribute: false },
  };

  static override styles = [viewStyles, css`
    .drop { border: 2px dashed #8a94ab; border-radius: 8px; padding: 1.2rem; text-align: center; }
    .drop.over { background: #eef2fc; border-color: #2f5bd3; }
    article { border-top: 1px solid #e2e5ec; padding-top: 0.5rem; margin-top: 0.5rem; }
  `];

  declare session: AppSession | null;
  declare private over: boolean;
  /** The analyses, their progress and reports, and the record choice live in the session: they outlast this tab. */
  private readonly app = new SessionController(this);

  constructor() {
    super();
    this.over = false;
    this.session = null;
  }

  private async analyze(files: File[]) {
    const session = this.session;
    if (!session) return;
    const mp4s = files.filter((f) => f.type === 'video/mp4' || /\.(mp4|m4v|mov)$/i.test(f.name));
    for (const file of mp4s) {
      // Progress, report and error are in the session's state; a failure is shown there too.
      await session.analyze(file, { record: session.store.state.analyzeRecord }).catch(() => {});
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
        <select @change=${(e: Event) => this.session?.setDrafts({ analyzeRecord: ((e.target as HTMLSelectElement).value || null) as GrowthMode | null })}>
          ${([['', 'no'], ['frame', 'per-frame values'], ['window', 'per-window values'], ['all', 'both']] as const).map(([v, label]) =>
            html`<option value=${v} ?selected=${(this.app.state?.analyzeRecord ?? '') === v}>${label}</option>`)}
        </select></label></div>
      ${(this.app.state?.analyses ?? []).map((it) => html`<article>
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
