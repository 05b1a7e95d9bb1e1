// <loop-view>: the loop's settings, start/pause/resume/stop, a progress bar per step of the job in flight ("job N of
// M"), the latest clip, this loop's jobs (prompt, picture, agreement) and live counts. Everything it shows and every
// input it keeps lives in the session's state, so leaving the tab loses nothing.
import { LitElement, css, html } from 'lit';
import type { AppSession, LoopForm } from '../app/session.ts';
import type { LoopState } from '../loop/loop-runner.ts';
import { DEFAULT_LOOP_SETTINGS } from '../loop/loop-runner.ts';
import { JOB_STEPS } from '../loop/run-job.ts';
import { WORKFLOWS, WORKFLOW_SETTINGS, type Workflow } from '../loop/workflows.ts';
import type { RegistryCounts } from '../storage/repo-entries.ts';
import { LOOP_SETTING_HELP, REGISTRY_LABELS, TABLE_LABELS, WORKFLOW_LABELS } from './plain-labels.ts';
import { SessionController } from './session-controller.ts';
import { plural } from './plural.ts';
import { viewStyles } from './ui-styles.ts';
import './step-progress.ts';

/** <loop-view> */
export class LoopView extends LitElement {
  static override properties = {
    session: { attribute: false },
    counts: { state: true },
    error: { state: true },
  };

  static override styles = [viewStyles, css`
    .settings { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.8rem 1.2rem; margin: 0.5rem 0; }
    .settings label { display: flex; flex-direction: column; gap: 0.2rem; font-weight: 600; }
    .settings .help { font-weight: 400; font-size: 0.8rem; color: #4f586d; }
    .settings input, .settings select { max-width: 100%; box-sizing: border-box; font-weight: 400; }
    ol.jobs { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.4rem; }
    ol.jobs li { display: grid; grid-template-columns: 96px 1fr; gap: 0.6rem; align-items: center; font-size: 0.85rem; }
    ol.jobs img, ol.jobs .nopic { width: 96px; height: 72px; object-fit: cover; border-radius: 4px; background: #e2e5ec; display: block; }
    ol.jobs .prompt { overflow-wrap: anywhere; }
    video { max-width: 100%; width: 24rem; }
  `];

  declare session: AppSession | null;
  declare private counts: RegistryCounts | null;
  declare private error: string | null;
  private readonly app = new SessionController(this);
  private countedAt = -1;

  constructor() {
    super();
    this.session = null;
    this.counts = null;
    this.error = null;
  }

  /** The form as kept in the session, else the settings of the loop in the store, else the last used, else the defaults. */
  private form(): LoopForm {
    const st = this.app.state;
    if (st?.loopForm) return st.loopForm;
    const s = st?.loop.settings ?? this.session?.savedSettings() ?? DEFAULT_LOOP_SETTINGS;
    return { workflow: s.workflow, exploit: s.exploitRatio, seed: s.seed, runs: s.runs === null ? '' : String(s.runs) };
  }

  private edit(patch: Partial<LoopForm>) {
    this.session?.setDrafts({ loopForm: { ...this.form(), ...patch } });
  }

  override willUpdate(): void {
    // Counts are read from the store again whenever a job (or failure) has ended, and once per view.
    const loop = this.app.state?.loop;
    const at = loop ? loop.completed + loop.failed * 1e6 : -1;
    if (this.session && at !== this.countedAt) {
      this.countedAt = at;
      this.session.counts().then((c) => (this.counts = c), (err: unknown) => console.warn('could not count the registries', err));
    }
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
    const f = this.form();
    const runs = f.runs.trim() === '' ? null : Number(f.runs);
    if (runs !== null && !(Number.isInteger(runs) && runs > 0)) {
      this.error = 'Clips to make must be a positive whole number, or empty to run until stopped.';
      return;
    }
    const session = this.session;
    if (session) void this.act(() => session.startLoop({ workflow: f.workflow, exploitRatio: f.exploit, seed: f.seed || 'motion', runs }));
  }

  /** "job 3 of 6 · create" while a job runs; "2 of 6 jobs done" otherwise. */
  private where(s: LoopState) {
    const runs = s.settings?.runs ?? null;
    const step = this.app.state?.step ?? null;
    if (s.status === 'running') {
      const n = (step?.index ?? s.nextIndex) + 1;
      const ahead = this.app.state?.ahead ?? null;
      return html`job <b id="job-n">${n}</b>${runs !== null ? html` of <b id="job-m">${runs}</b>` : null}${step ? ` · ${step.step}` : ''}${ahead ? html` <span class="muted">(job ${ahead.index + 1} under way: ${ahead.step})</span>` : null}`;
    }
    return html`${runs !== null ? `${s.completed} of ${plural(runs, 'job')} done` : `${plural(s.completed, 'job')} done`}`;
  }

  override render() {
    const st = this.app.state;
    const s = st?.loop ?? null;
    const status = s?.status ?? 'idle';
    const running = status === 'running';
    const paused = status === 'paused';
    const interrupted = st?.loopInterrupted ?? false;
    const f = this.form();
    const fixed = WORKFLOW_SETTINGS[f.workflow].exploit;
    const session = this.session;
    const step = st?.step ?? null;
    const fractions = Object.fromEntries(JOB_STEPS.map((name, i) => {
      const at = step ? JOB_STEPS.indexOf(step.step) : -1;
      // Earlier steps of the job in flight are complete, later ones not started; no job in flight: all empty.
      return [name, !step ? 0 : i < at ? 1 : i > at ? 0 : step.fraction];
    }));
    const jobs = st?.loopJobs ?? [];
    const latest = st?.latestJob ?? null;
    return html`
      <h2>Loop</h2>
      <p class="muted">The loop writes a prompt, makes a clip from it, measures the clip and records what it found in the registries. Each round of that is a job.</p>
      ${interrupted && paused && session ? html`<p class="row notice" role="status">A loop was interrupted after ${plural(s?.completed ?? 0, 'job')} (the page closed while a job ran; that job runs again).
        <button class="primary" @click=${() => this.act(() => session.resumeLoop())}>Resume it</button></p>` : null}
      <div class="settings">
        <label>What to grow <small class="tech">workflow</small>
          <select ?disabled=${running || paused} @change=${(e: Event) => this.edit({ workflow: (e.target as HTMLSelectElement).value as Workflow })}>
            ${WORKFLOWS.map((w) => html`<option value=${w} ?selected=${w === f.workflow}>${WORKFLOW_LABELS[w]} (${w})</option>`)}
          </select>
          <span class="help">${LOOP_SETTING_HELP.workflow} This one: ${WORKFLOW_SETTINGS[f.workflow].summary}.</span></label>
        <label>Reuse known prompts <small class="tech">exploit ratio</small>
          <input type="number" min="0" max="1" step="0.1" .value=${String(fixed ?? f.exploit)} ?disabled=${running || paused || fixed !== null}
            @change=${(e: Event) => this.edit({ exploit: Math.max(0, Math.min(1, Number((e.target as HTMLInputElement).value) || 0)) })}>
          <span class="help">${LOOP_SETTING_HELP.exploit}${fixed !== null ? ' Fixed by this workflow.' : ''}</span></label>
        <label>Seed <small class="tech">seed</small>
          <input .value=${f.seed} ?disabled=${running || paused} @change=${(e: Event) => this.edit({ seed: (e.target as HTMLInputElement).value })}>
          <span class="help">${LOOP_SETTING_HELP.seed}</span></label>
        <label>Clips to make <small class="tech">runs</small>
          <input type="number" min="1" placeholder="∞" .value=${f.runs} ?disabled=${running || paused} @change=${(e: Event) => this.edit({ runs: (e.target as HTMLInputElement).value })}>
          <span class="help">${LOOP_SETTING_HELP.runs}</span></label>
      </div>
      <div class="row">
        <button class="primary" ?disabled=${running || paused} @click=${() => this.start()}>Start</button>
        <button ?disabled=${!running} @click=${() => session && this.act(() => session.loop.pause())}>Pause</button>
        <button ?disabled=${!paused} @click=${() => session && this.act(() => session.resumeLoop())}>Resume</button>
        <button ?disabled=${!(running || paused)} @click=${() => session && this.act(() => session.loop.stop())}>Stop</button>
      </div>
      ${paused && !interrupted ? html`<p class="muted" id="paused-note">Paused after ${plural(s?.completed ?? 0, 'job')}. Resume goes on where it stopped; Stop ends this loop so a new one can start.</p>` : null}
      <p role="status" aria-live="polite">Status: <b id="status">${status}</b> · <span id="where">${s ? this.where(s) : null}</span>${s?.failed ? html` · failed ${s.failed}` : null}</p>
      ${s?.message && status === 'error' ? html`<p class="error" role="alert">${s.message}</p>` : s?.message ? html`<p class="muted">Last failure: ${s.message}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <step-progress .steps=${JOB_STEPS} .fractions=${fractions}></step-progress>
      <h3>Latest clip</h3>
      ${st?.latestClipUrl && latest
        ? html`<video class="latest" src=${st.latestClipUrl} autoplay loop muted playsinline controls aria-label="latest clip: ${latest.job.prompt}"></video>
            <p class="muted">“${latest.job.prompt}” · ${latest.job.prompt_mode} · agreement ${latest.learning.agreement.toFixed(2)} · ${latest.discovery.new.length} new, ${latest.discovery.seen_again.length} seen again</p>`
        : html`<p class="muted">${s?.completed ? `No clip made since this page opened (the store holds ${plural(s.completed, 'job')} of the last loop).` : 'No clip yet: press Start.'}</p>`}
      ${jobs.length ? html`<h3>Jobs of this loop</h3>
        <ol class="jobs">${[...jobs].reverse().map((j) => html`<li>
          ${j.thumbnail ? html`<img src=${j.thumbnail} alt="clip of job ${j.index + 1}">` : html`<span class="nopic" aria-hidden="true"></span>`}
          <span><b>Job ${j.index + 1}</b> ${j.error ? html`<span class="error">failed: ${j.error}</span>` : html`<span class="prompt">“${j.prompt}”</span>
            <br><span class="muted">${j.mode} · agreement <b>${j.agreement?.toFixed(2)}</b> · ${j.fresh} new, ${j.seenAgain} seen again</span>`}</span>
        </li>`)}</ol>` : null}
      <h3>What the registries hold</h3>
      ${this.counts ? html`<div class="counts">
        ${(['jobs', 'learning', 'discovery'] as const).map((k) => html`<span>${TABLE_LABELS[k]} <b>${this.counts?.[k]}</b> <small class="tech">${k}</small></span>`)}
        ${Object.entries(this.counts.entries).map(([r, c]) => html`<span>${REGISTRY_LABELS[r as keyof typeof REGISTRY_LABELS] ?? r} <b>${c.discoveries}</b> <small class="tech">${r}</small></span>`)}
        ${(['narrative_intended', 'narrative_observed', 'interpretation', 'linguistic'] as const).map((k) => html`<span>${TABLE_LABELS[k]} <b>${this.counts?.[k]}</b> <small class="tech">${k}</small></span>`)}
      </div>
      <p class="muted">Counts of discoveries (values found by the loop or by analysis); the small grey names are the registries' technical names.</p>` : null}
    `;
  }
}

customElements.define('loop-view', LoopView);

declare global {
  interface HTMLElementTagNameMap {
    'loop-view': LoopView;
  }
}
