// <loop-view>: the loop's settings, start/pause/resume/stop, a progress bar per step, the latest clip, live counts.
import { LitElement, html } from 'lit';
import type { AppSession } from '../app/session.ts';
import type { LoopState } from '../loop/loop-runner.ts';
import { DEFAULT_LOOP_SETTINGS } from '../loop/loop-runner.ts';
import { JOB_STEPS, type JobResult, type JobStep } from '../loop/run-job.ts';
import { WORKFLOWS, WORKFLOW_SETTINGS, type Workflow } from '../loop/workflows.ts';
import type { RegistryCounts } from '../storage/repo-entries.ts';
import { viewStyles } from './ui-styles.ts';
import './step-progress.ts';

/** <loop-view> */
export class LoopView extends LitElement {
  static override properties = {
    runs: { state: true },
    seed: { state: true },
    exploit: { state: true },
    session: { attribute: false },
    loopState: { state: true },
    fractions: { state: true },
    counts: { state: true },
    clipUrl: { state: true },
    latest: { state: true },
    workflow: { state: true },
    error: { state: true },
  };

  static override styles = viewStyles;

  declare session: AppSession | null;
  declare private loopState: LoopState | null;
  declare private fractions: Record<string, number>;
  declare private counts: RegistryCounts | null;
  declare private clipUrl: string | null;
  declare private latest: JobResult | null;
  declare private workflow: Workflow;
  declare private exploit: number;
  declare private seed: string;
  declare private runs: string;
  declare private error: string | null;

  constructor() {
    super();
    this.runs = '';
    this.seed = DEFAULT_LOOP_SETTINGS.seed;
    this.exploit = DEFAULT_LOOP_SETTINGS.exploitRatio;
    this.session = null;
    this.loopState = null;
    this.fractions = {};
    this.counts = null;
    this.clipUrl = null;
    this.latest = null;
    this.workflow = DEFAULT_LOOP_SETTINGS.workflow;
    this.error = null;
  }
  private pending: Record<string, number> | null = null;
  private bound: AppSession | null = null;

  private onState = (e: Event) => {
    this.loopState = (e as CustomEvent<LoopState>).detail;
    void this.refreshCounts();
  };

  private onProgress = (e: Event) => {
    const { step, fraction } = (e as CustomEvent<{ step: JobStep; fraction: number }>).detail;
    const idx = JOB_STEPS.indexOf(step);
    // Earlier steps are complete, later ones not started: one animation frame paints the latest values.
    const next = Object.fromEntries(JOB_STEPS.map((s, i) => [s, i < idx ? 1 : i > idx ? 0 : fraction]));
    if (!this.pending) requestAnimationFrame(() => {
      this.fractions = this.pending ?? this.fractions;
      this.pending = null;
    });
    this.pending = next;
  };

  private onJob = (e: Event) => {
    const r = (e as CustomEvent<JobResult>).detail;
    if (this.clipUrl) URL.revokeObjectURL(this.clipUrl);
    this.clipUrl = URL.createObjectURL(new Blob([r.mp4 as Uint8Array<ArrayBuffer>], { type: 'video/mp4' }));
    this.latest = r;
    void this.refreshCounts();
  };

  override willUpdate(): void {
    if (this.session && this.bound !== this.session) {
      this.bound?.loop.removeEventListener('state', this.onState);
      this.bound = this.session;
      const loop = this.session.loop;
      loop.addEventListener('state', this.onState);
      loop.addEventListener('progress', this.onProgress);
      loop.addEventListener('job', this.onJob);
      this.loopState = loop.state;
      const saved = loop.state.settings ?? this.session.savedSettings();
      if (saved) {
        this.workflow = saved.workflow;
        this.exploit = saved.exploitRatio;
        this.seed = saved.seed;
        this.runs = saved.runs === null ? '' : String(saved.runs);
      }
      void this.refreshCounts();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.bound) {
      this.bound.loop.removeEventListener('state', this.onState);
      this.bound.loop.removeEventListener('progress', this.onProgress);
      this.bound.loop.removeEventListener('job', this.onJob);
      this.bound = null;
    }
  }

  private async refreshCounts() {
    if (this.session) this.counts = await this.session.counts();
  }

  private async act(fn: () => Promise<void>) {
    this.error = null;
    try {
      await fn();
    } catch (err) {
      this.error = `${(err as Error).name}: ${(err as Error).message}`;
    }
  }

  private start() {
    const runs = this.runs.trim() === '' ? null : Number(this.runs);
    if (runs !== null && !(Number.isInteger(runs) && runs > 0)) {
      this.error = 'Runs must be a positive whole number, or empty to run until stopped.';
      return;
    }
    void this.act(() => this.session!.startLoop({ workflow: this.workflow, exploitRatio: this.exploit, seed: this.seed || 'motion', runs }));
  }

  override render() {
    const s = this.loopState;
    const status = s?.status ?? 'idle';
    const running = status === 'running';
    const resumable = this.session?.canResume() ?? false;
    const fixed = WORKFLOW_SETTINGS[this.workflow].exploit;
    return html`
      <h2>Loop</h2>
      ${resumable && !running ? html`<p class="row" role="status">A loop was interrupted after ${s?.completed ?? 0} jobs. <button class="primary" @click=${() => this.act(() => this.session!.resumeLoop())}>Resume it</button></p>` : null}
      <div class="row">
        <label>Workflow <select .value=${this.workflow} ?disabled=${running} @change=${(e: Event) => (this.workflow = (e.target as HTMLSelectElement).value as Workflow)}>
          ${WORKFLOWS.map((w) => html`<option value=${w} ?selected=${w === this.workflow}>${w}</option>`)}
        </select></label>
        <label>Exploit ratio <input type="number" min="0" max="1" step="0.1" style="width:4.5rem" .value=${String(fixed ?? this.exploit)} ?disabled=${running || fixed !== null}
          @change=${(e: Event) => (this.exploit = Math.max(0, Math.min(1, Number((e.target as HTMLInputElement).value) || 0)))}></label>
        <label>Seed <input style="width:7rem" .value=${this.seed} ?disabled=${running} @change=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value)}></label>
        <label>Runs <input type="number" min="1" style="width:5rem" placeholder="∞" .value=${this.runs} ?disabled=${running} @change=${(e: Event) => (this.runs = (e.target as HTMLInputElement).value)}></label>
      </div>
      <p class="muted">${WORKFLOW_SETTINGS[this.workflow].summary}</p>
      <div class="row">
        <button class="primary" ?disabled=${running} @click=${() => this.start()}>Start</button>
        <button ?disabled=${!running} @click=${() => this.act(() => this.session!.loop.pause())}>Pause</button>
        <button ?disabled=${status !== 'paused'} @click=${() => this.act(() => this.session!.resumeLoop())}>Resume</button>
        <button ?disabled=${!(running || status === 'paused')} @click=${() => this.act(() => this.session!.loop.stop())}>Stop</button>
      </div>
      <p role="status" aria-live="polite">Status: <b id="status">${status}</b> · jobs done ${s?.completed ?? 0}${s?.failed ? html` · failed ${s.failed}` : null}</p>
      ${s?.message ? html`<p class="error" role="alert">${s.message}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <step-progress .steps=${JOB_STEPS} .fractions=${this.fractions}></step-progress>
      <h3>Latest clip</h3>
      ${this.clipUrl
        ? html`<video src=${this.clipUrl} autoplay loop muted playsinline controls style="max-width:100%;width:24rem"></video>
            <p class="muted">“${this.latest?.job.prompt}” · ${this.latest?.job.prompt_mode} · agreement ${this.latest?.learning.agreement.toFixed(2)} · ${this.latest?.discovery.new.length} new, ${this.latest?.discovery.seen_again.length} seen again</p>`
        : html`<p class="muted">No clip yet in this session.</p>`}
      <h3>Counts</h3>
      ${this.counts ? html`<div class="counts">
        <span>jobs <b>${this.counts.jobs}</b></span><span>learning <b>${this.counts.learning}</b></span><span>discovery <b>${this.counts.discovery}</b></span>
        ${Object.entries(this.counts.entries).map(([r, c]) => html`<span>${r} <b>${c.discoveries}</b></span>`)}
        <span>narrative intended <b>${this.counts.narrative_intended}</b></span><span>narrative observed <b>${this.counts.narrative_observed}</b></span>
        <span>interpretations <b>${this.counts.interpretation}</b></span><span>linguistic <b>${this.counts.linguistic}</b></span>
      </div>` : null}
    `;
  }
}

customElements.define('loop-view', LoopView);

declare global {
  interface HTMLElementTagNameMap {
    'loop-view': LoopView;
  }
}
