// <analyze-view>: drop or pick video and audio files, see each analysed (percentage and Cancel, then the report in
// words and pictures), optionally recorded. The analyses live in the session's state (AppSession.analyze patches
// their progress, report, pictures and errors there), so they keep running and stay shown when the view is left.
// Any dropped file is handed to the analyser, which reads the bytes: what it cannot read is explained with what to do.
import { LitElement, css, html } from 'lit';
import { isAnalysisError } from '../core/report/analysis.ts';
import { explainError, READABLE_FORMATS, type Explained } from '../core/report/explain-failure.ts';
import type { AnalysisItem, AppSession } from '../app/session.ts';
import type { InterruptedAnalysis } from '../app/running-analyses.ts';
import type { GrowthMode } from '../core/registry/growth.ts';
import { SessionController } from './session-controller.ts';
import { viewStyles } from './ui-styles.ts';
import './report-view.ts';

/** What the file picker offers (the analyser itself decides by the bytes, so a drop of anything is still tried). */
export const ACCEPTED_FILES = 'video/*,audio/*,.mp4,.m4v,.mov,.webm,.mkv,.m4a,.mp3,.wav,.flac,.ogg,.opus,.aac';

/** <analyze-view> */
export class AnalyzeView extends LitElement {
  static override properties = {
    over: { state: true },
    session: { attribute: false },
  };

  static override styles = [viewStyles, css`
    .drop { border: 2px dashed #6b7590; border-radius: 8px; padding: 1.2rem; text-align: center; }
    .drop.over { background: #eef2fc; border-color: #2f5bd3; }
    .drop input { max-width: 100%; }
    article { border-top: 1px solid #e2e5ec; padding-top: 0.5rem; margin-top: 0.5rem; }
    h3 { overflow-wrap: anywhere; }
    .remove { float: right; margin-left: 0.5rem; }
    .progress { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; }
    .progress progress { flex: 1 1 10rem; min-width: 6rem; }
    .pct { font-variant-numeric: tabular-nums; min-width: 3.5rem; }
    .explained { border-left: 4px solid #b00020; background: #fdf1f3; padding: 0.4rem 0.7rem; border-radius: 0 4px 4px 0; }
    .explained p { margin: 0.2rem 0; }
    .explained code { word-break: break-all; background: #fff; padding: 0 0.2rem; border-radius: 2px; }
    details { font-size: 0.8rem; color: #4a5266; }
  `];

  declare session: AppSession | null;
  declare private over: boolean;
  /** The analyses, their progress, reports and pictures, and the record choice live in the session: they outlast this tab. */
  private readonly app = new SessionController(this);

  constructor() {
    super();
    this.over = false;
    this.session = null;
  }

  private analyze(files: File[]) {
    const session = this.session;
    if (!session) return;
    for (const file of files) {
      // the item in the session's state carries the outcome (report, error or cancel): nothing to catch here
      session.analyze(file, { record: session.store.state.analyzeRecord }).catch(() => {});
    }
  }

  override updated() {
    // a report kept from an earlier visit gets its pictures when shown (decoded by the session, from the kept file)
    for (const it of this.app.state?.analyses ?? []) if (it.done && !it.pictures && it.file) this.session?.ensurePictures(it.id);
  }

  private picked(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // cleared, so picking the same file again is a change too
    input.value = '';
    this.analyze(files);
  }

  private explained(e: Explained, detail: string) {
    const [before, command] = e.next.split(/(ffmpeg .*)$/);
    return html`<div class="explained" role="alert">
      <p><strong>${e.what}</strong></p>
      <p>${before}${command ? html`<code>${command}</code>` : null}</p>
      <details><summary>Technical detail</summary>${detail}</details>
    </div>`;
  }

  private renderItem(it: AnalysisItem) {
    const running = !it.done && !it.error && !it.cancelled;
    const pct = Math.round(it.progress * 100);
    const result = it.done?.result;
    return html`<article>
      <h3>${it.name}</h3>
      ${running ? html`<div class="progress">
        <progress max="100" .value=${pct} aria-label=${`Analysing ${it.name}`}></progress>
        <span class="pct">${pct} %</span>
        <button @click=${() => this.session?.cancelAnalysis(it.id)}>Cancel</button>
      </div>` : html`<button class="remove" @click=${() => void this.session?.clearAnalysis(it.id)} aria-label=${`Remove ${it.name}`}>Remove</button>`}
      ${it.cancelled ? html`<p class="muted" role="status">Cancelled: nothing of ${it.name} was kept or recorded.</p>` : null}
      ${it.error ? this.explained(explainError('internal', it.error, it.name), it.error) : null}
      ${result && isAnalysisError(result) ? this.explained(explainError(result.error.code, result.error.message, it.name), `${result.error.code}: ${result.error.message}`) : null}
      ${result && !isAnalysisError(result) ? html`<report-view .report=${result} .pictures=${it.pictures ?? null} .plot=${it.plot ?? null} .summary=${it.summary ?? null}></report-view>${it.done?.recorded != null ? html`<p class="muted">${it.done.recorded} new entries recorded.</p>` : null}` : null}
    </article>`;
  }

  /** Analyses a reload or a closed tab cut short: the file, how far, and that it must be dropped again to restart. */
  private interrupted(list: readonly InterruptedAnalysis[]) {
    if (list.length === 0) return null;
    const mb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);
    return html`<div class="notice interrupted" role="status">
      ${list.map((it) => html`<p><strong>The analysis of “${it.name}” (${mb(it.size)}) was interrupted at ${Math.floor(it.progress * 100)} %</strong>
        when the page was reloaded or closed. Nothing of it was kept or recorded.</p>`)}
      <p>To start again, drop or pick ${list.length > 1 ? 'the files' : 'the file'} again: the browser does not let the app reopen a file by itself.</p>
      <div class="row">
        <button @click=${() => (this.renderRoot.querySelector('input[type=file]') as HTMLInputElement | null)?.click()}>Pick ${list.length > 1 ? 'files' : 'the file'} again…</button>
        <button @click=${() => this.session?.dismissInterrupted()}>Dismiss</button>
      </div>
    </div>`;
  }

  override render() {
    return html`
      <h2>Analyze</h2>
      ${this.interrupted(this.app.state?.interruptedAnalyses ?? [])}
      <div class="drop ${this.over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => { e.preventDefault(); this.over = true; }}
        @dragleave=${() => (this.over = false)}
        @drop=${(e: DragEvent) => { e.preventDefault(); this.over = false; this.analyze([...(e.dataTransfer?.files ?? [])]); }}>
        <p>Drop video or audio files here (${READABLE_FORMATS}), or</p>
        <input type="file" accept=${ACCEPTED_FILES} multiple aria-label="Pick video or audio files" @change=${(e: Event) => this.picked(e)}>
      </div>
      <div class="row"><label>Record into the registries
        <select @change=${(e: Event) => this.session?.setDrafts({ analyzeRecord: ((e.target as HTMLSelectElement).value || null) as GrowthMode | null })}>
          ${([['', 'no'], ['frame', 'per-frame values'], ['window', 'per-window values'], ['all', 'both']] as const).map(([v, label]) =>
            html`<option value=${v} ?selected=${(this.app.state?.analyzeRecord ?? '') === v}>${label}</option>`)}
        </select></label></div>
      ${(this.app.state?.analyses ?? []).map((it) => this.renderItem(it))}
    `;
  }
}

customElements.define('analyze-view', AnalyzeView);

declare global {
  interface HTMLElementTagNameMap {
    'analyze-view': AnalyzeView;
  }
}
