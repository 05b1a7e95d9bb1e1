// <create-view>: a person's own prompt → what the app understood (sentences, each word's meaning, editable chips)
// → Make (a bar per step, Cancel) → the clip plays, Download MP4 → Analyse it (intended vs observed per field) →
// Record (a job with its learning and discovery records, source user). It displays the session's Create state
// (src/app/create-session.ts) and dispatches to it; the work and the wording live in the session and src/core/create.
import { CANCELLED_MESSAGE, promptCountText } from '../app/plain-error.ts';
import { LitElement, css, html, nothing } from 'lit';
import type { AppSession } from '../app/session.ts';
import type { CreateState } from '../app/create-session.ts';
import { CLIP_LOOKS, SIZE_PRESETS, type SizeKey } from '../core/create/clip-options.ts';
import { compareRows } from '../core/create/compare-rows.ts';
import { editedFields, MAX_CREATE_SECONDS, MIN_CREATE_SECONDS, type ChipEdit } from '../core/create/edit-instruction.ts';
import { instructionSentences, listPhrase, paletteAsked } from '../core/create/instruction-sentences.ts';
import { unmetAsked } from '../core/create/unmet-asked.ts';
import { wordMeanings } from '../core/create/word-meanings.ts';
import type { Instruction } from '../core/language/instruction.ts';
import type { SpecMode } from '../core/plan/spec.ts';
import {
  CAMERA_MOVES, COLOR_PRIMITIVES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, SOUND_PRIMITIVES, TEMPO_LABELS, type ColorPrimitiveName,
} from '../core/vocab/index.ts';
import { USER_CLIP_STEPS } from '../loop/user-clip.ts';
import { partColor } from './part-colors.ts';
import { viewStyles } from './ui-styles.ts';
import './step-progress.ts';

const NONE = '';

/** A file name for the download: the prompt's first words and the seed. */
function fileName(prompt: string, seed: string): string {
  const slug = prompt.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'clip';
  return `${slug}-seed-${seed.replace(/[^a-z0-9]+/gi, '') || '0'}.mp4`;
}

const pct = (a: number | null) => (a === null ? 'not asked' : `${Math.round(a * 100)} %`);

/** <create-view> */
export class CreateView extends LitElement {
  static override properties = {
    session: { attribute: false },
    st: { state: true },
    durationNote: { state: true },
  };

  static override styles = [viewStyles, css`
    textarea { width: 100%; box-sizing: border-box; min-height: 4rem; }
    select { max-width: 100%; }
    label.history { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; max-width: 100%; min-width: 0; }
    label.history select { flex: 1 1 12rem; min-width: 0; }
    .sentences { margin: 0.3rem 0; padding-left: 1.2rem; }
    .sentences li.open { color: #5b647a; }
    .words { list-style: none; padding: 0; margin: 0.3rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
    .words li { border: 1px solid #c9cfdb; border-radius: 6px; padding: 0.15rem 0.45rem; font-size: 0.9rem; }
    .words li.unknown { border-style: dashed; border-color: #b00020; }
    .words li.unknown .means { color: #b00020; }
    .words li.grammar { color: #5b647a; border-color: #e2e5ec; }
    .words q { font-weight: 600; }
    .key { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 0.25rem; vertical-align: -0.05rem; border: 1px solid #4a5675; }
    .chips { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.5rem; }
    fieldset.chip { border: 1px solid #c9cfdb; border-radius: 8px; padding: 0.3rem 0.6rem 0.5rem; margin: 0; min-width: 0; }
    fieldset.chip.edited { border-color: #2f5bd3; border-width: 2px; }
    fieldset.chip legend { font-weight: 600; font-size: 0.9rem; padding: 0 0.2rem; }
    .swatches { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin-bottom: 0.3rem; }
    .swatch { display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.2rem 0.5rem; min-height: 2.2rem; }
    .swatch i { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px; border: 1px solid #1d2330; }
    button[aria-pressed='true'] { background: #e6ecfb; border-color: #2f5bd3; font-weight: 600; }
    input[type=number] { width: 5rem; }
    video { display: block; width: 100%; max-width: 32rem; background: #000; border-radius: 6px; }
    table.compare { width: 100%; table-layout: fixed; }
    table.compare td, table.compare th { overflow-wrap: anywhere; }
    table.compare th:first-child { width: 22%; }
    table.compare th:last-child { width: 26%; }
    meter { width: 100%; max-width: 6rem; display: block; }
    a.button { display: inline-flex; align-items: center; padding: 0.45rem 0.9rem; border: 1px solid #4a5675; border-radius: 6px; color: #1d2330; text-decoration: none; min-height: 2.5rem; box-sizing: border-box; }
    .count { font-size: 0.8rem; }
    .count.over { color: #a01010; font-weight: 600; }
    .notice { background: #eef6ee; border-left: 4px solid #2e7d32; padding: 0.4rem 0.6rem; }
  `];

  declare session: AppSession | null;
  declare private st: CreateState | null;
  /** Said when a typed duration was outside the range and was brought into it (77 → 10 s), so the field never shows a length the clip will not have. */
  declare private durationNote: string;
  private unsubscribe: (() => void) | null = null;
  private bound: AppSession | null = null;
  private clipUrl: string | null = null;
  private clipUrlFor: string | null = null;

  constructor() {
    super();
    this.session = null;
    this.st = null;
    this.durationNote = '';
  }

  override willUpdate(): void {
    if (this.session && this.bound !== this.session) {
      this.unsubscribe?.();
      this.bound = this.session;
      this.unsubscribe = this.session.store.subscribe((s) => (this.st = s.create));
      void this.session.creation.loadHistory().catch(() => {});
    }
    // The player's object URL follows the made clip (one at a time; the old one is freed).
    const clip = this.st?.clip ?? null;
    if ((clip?.id ?? null) !== this.clipUrlFor) {
      if (this.clipUrl) URL.revokeObjectURL(this.clipUrl);
      this.clipUrl = clip ? URL.createObjectURL(new Blob([clip.mp4 as Uint8Array<ArrayBuffer>], { type: 'video/mp4' })) : null;
      this.clipUrlFor = clip?.id ?? null;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a tab switch: subscribe again to the same session.
    if (this.bound && !this.unsubscribe) this.unsubscribe = this.bound.store.subscribe((s) => (this.st = s.create));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.clipUrl) URL.revokeObjectURL(this.clipUrl);
    this.clipUrl = null;
    this.clipUrlFor = null;
  }

  /** Run a session action; its error is already in the state the view shows. */
  private act(fn: () => unknown) {
    try {
      const r = fn();
      if (r instanceof Promise) r.catch(() => {});
    } catch (err) {
      // Synchronous refusals (a chip value, busy) go to the state's error line too.
      this.session?.creation.showError((err as Error).message);
    }
  }

  private get creation() {
    const s = this.session;
    if (!s) throw new TypeError('no session');
    return s.creation;
  }

  private edit(e: ChipEdit) {
    this.act(() => this.creation.edit(e));
  }

  /** A typed duration brought into the range the creator makes, with a note when it had to be. */
  private editDuration(input: HTMLInputElement) {
    const raw = input.value.trim();
    const asked = raw === '' ? null : Number(raw);
    if (asked === null || !Number.isFinite(asked)) {
      this.durationNote = asked === null ? '' : `“${raw}” is not a number of seconds: left to the prompt.`;
      if (asked !== null) input.value = '';
      this.edit({ field: 'duration', value: null });
      return;
    }
    const value = Math.min(MAX_CREATE_SECONDS, Math.max(MIN_CREATE_SECONDS, asked));
    this.durationNote = value === asked ? '' : `${asked} s is outside ${MIN_CREATE_SECONDS}–${MAX_CREATE_SECONDS} s: set to ${value} s.`;
    input.value = String(value);
    this.edit({ field: 'duration', value });
  }

  private selectChip(field: 'camera' | 'motion' | 'lighting' | 'gradient' | 'tempo', label: string, value: string | null, options: readonly string[], edited: boolean, hint: string) {
    return html`<fieldset class="chip ${edited ? 'edited' : ''}" data-chip=${field}>
      <legend>${label}${edited ? html` <span class="muted">(changed)</span>` : nothing}</legend>
      <select aria-label=${label} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        this.edit({ field, value: v === NONE ? null : v } as ChipEdit);
      }}>
        <option value=${NONE} ?selected=${value === null}>registries choose</option>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${o.replace(/_/g, ' ')}</option>`)}
      </select>
      <div class="muted" style="font-size:0.8rem">${hint}</div>
    </fieldset>`;
  }

  private chips(ins: Instruction, read: Instruction) {
    const changed = new Set(editedFields(read, ins));
    const palette = ins.palette.primitives;
    const st = this.st;
    const busy = st?.busy !== null;
    // The size and the look are make options, not instruction fields: changed means other than the defaults.
    const sizeChanged = st !== null && (st.size !== SIZE_PRESETS[0].key || st.mode !== CLIP_LOOKS[0]?.mode);
    return html`
      <div class="chips">
        <fieldset class="chip ${changed.has('palette') ? 'edited' : ''}" data-chip="palette">
          <legend>Colours${changed.has('palette') ? html` <span class="muted">(changed)</span>` : nothing}</legend>
          <div class="swatches">
            ${palette.length === 0 ? html`<span class="muted palette-asked">${paletteAsked(ins.palette) ?? 'registries choose'}</span>` : nothing}
            ${palette.length > 0 && ins.palette.concept ? html`<span class="muted palette-asked">${ins.palette.concept.replace(/_/g, ' ')}</span>` : nothing}
            ${palette.map((p) => html`<button class="swatch" aria-label="remove ${p}" title="remove ${p}" @click=${() => this.edit({ field: 'palette', op: 'remove', value: p })}><i style="background:${partColor(p)}"></i>${p} <span aria-hidden="true">×</span></button>`)}
          </div>
          <select aria-label="Add a colour" @change=${(e: Event) => {
            const sel = e.target as HTMLSelectElement;
            if (sel.value !== NONE) this.edit({ field: 'palette', op: 'add', value: sel.value as ColorPrimitiveName });
            sel.value = NONE;
          }}>
            <option value=${NONE}>add a colour…</option>
            ${COLOR_PRIMITIVES.filter((c) => !palette.includes(c.name)).map((c) => html`<option value=${c.name}>${c.name} ${c.hex}</option>`)}
          </select>
        </fieldset>
        ${this.selectChip('camera', 'Camera move', ins.camera.move, CAMERA_MOVES, changed.has('camera'), 'how the view moves over the picture')}
        ${this.selectChip('motion', 'Motion', ins.motion.level, MOTION_LEVELS, changed.has('motion'), 'how fast things move')}
        ${this.selectChip('lighting', 'Lighting', ins.lighting, LIGHTING_TYPES, changed.has('lighting'), 'how dark or bright')}
        ${this.selectChip('gradient', 'Gradient', ins.gradient.type, GRADIENT_TYPES, changed.has('gradient'), 'how light spreads across the frame')}
        <fieldset class="chip ${changed.has('sound') ? 'edited' : ''}" data-chip="sound">
          <legend>Sound${changed.has('sound') ? html` <span class="muted">(changed)</span>` : nothing}</legend>
          <div class="swatches">
            ${SOUND_PRIMITIVES.map((p) => {
              const on = ins.sound.primitives.includes(p);
              return html`<button class="swatch" aria-pressed=${on ? 'true' : 'false'} @click=${() => this.edit({ field: 'sound', op: on ? 'remove' : 'add', value: p })}><i style="background:${partColor(p)}"></i>${p}</button>`;
            })}
          </div>
          <div class="muted" style="font-size:0.8rem">${ins.sound.primitives.length === 0 ? 'none pressed: registries choose' : 'pressed: in the mix'}</div>
        </fieldset>
        ${this.selectChip('tempo', 'Tempo', ins.sound.tempo, TEMPO_LABELS, changed.has('tempo'), ins.sound.bpm !== null ? `${ins.sound.bpm} bpm named in the prompt` : 'how fast the beat is')}
        <fieldset class="chip ${changed.has('duration') ? 'edited' : ''}" data-chip="duration">
          <legend>Duration${changed.has('duration') ? html` <span class="muted">(changed)</span>` : nothing}</legend>
          <label>Seconds <input type="number" name="duration" min=${MIN_CREATE_SECONDS} max=${MAX_CREATE_SECONDS} step="0.5" placeholder="auto"
            .value=${ins.duration_s === null ? '' : String(ins.duration_s)}
            @change=${(e: Event) => this.editDuration(e.target as HTMLInputElement)}></label>
          <div class="muted" style="font-size:0.8rem">${MIN_CREATE_SECONDS}–${MAX_CREATE_SECONDS} s; empty: auto</div>
          ${this.durationNote ? html`<div class="duration-note" role="status" style="font-size:0.8rem">${this.durationNote}</div>` : nothing}
        </fieldset>
        <fieldset class="chip ${sizeChanged ? 'edited' : ''}" data-chip="size">
          <legend>Size and look${sizeChanged ? html` <span class="muted">(changed)</span>` : nothing}</legend>
          <select aria-label="Frame size" ?disabled=${busy} @change=${(e: Event) => this.act(() => this.creation.setOptions({ size: (e.target as HTMLSelectElement).value as SizeKey }))}>
            ${SIZE_PRESETS.map((p) => html`<option value=${p.key} ?selected=${p.key === st?.size}>${p.label}</option>`)}
          </select>
          <select aria-label="Look" ?disabled=${busy} @change=${(e: Event) => this.act(() => this.creation.setOptions({ mode: (e.target as HTMLSelectElement).value as SpecMode }))}>
            ${CLIP_LOOKS.map((l) => html`<option value=${l.mode} ?selected=${l.mode === st?.mode}>${l.label}</option>`)}
          </select>
        </fieldset>
      </div>
      ${changed.size > 0 ? html`<div class="row"><button @click=${() => this.act(() => this.creation.resetEdits())}>Undo my changes</button></div>` : nothing}`;
  }

  private understood(st: CreateState) {
    const read = st.read;
    const ins = st.edited;
    if (!read || !ins) return nothing;
    const stale = read.prompt !== st.prompt;
    const words = wordMeanings(read.instruction);
    return html`
      <section aria-labelledby="understood">
        <h3 id="understood">What the app understood${stale ? html` <span class="muted">(of an earlier prompt: read it again)</span>` : nothing}</h3>
        <ul class="sentences">${instructionSentences(ins).map((s) => html`<li class=${s.asked ? 'asked' : 'open'} data-field=${s.field}>${s.text}</li>`)}</ul>
        <h3>Word by word</h3>
        ${words.length === 0 ? html`<p class="muted">No word was understood.</p>` : html`
          <ul class="words">${words.map((w) => html`<li class=${w.kind}>
            <q>${w.text}</q> → <span class="means">${w.kind === 'value' ? html`<i class="key" style="background:${partColor(`domain.${w.domain}`)}"></i>` : nothing}${w.meaning}</span>${w.implies.length ? html` <span class="muted">(implies ${w.implies.join(', ')})</span>` : nothing}
          </li>`)}</ul>`}
        <h3>Adjust before making</h3>
        ${this.chips(ins, read.instruction)}
      </section>`;
  }

  private clip(st: CreateState) {
    const clip = st.clip;
    if (!clip || !this.clipUrl) return nothing;
    const busy = st.busy !== null;
    const recorded = st.recorded?.job.id === clip.id ? st.recorded : null;
    return html`
      <section aria-labelledby="clip-h">
        <h3 id="clip-h">The clip</h3>
        <video src=${this.clipUrl} controls playsinline preload="auto" aria-label="The made clip: ${clip.prompt}"></video>
        <p class="muted">“${clip.prompt}” · seed ${clip.seed} · ${clip.spec.width} × ${clip.spec.height}, ${clip.spec.duration_s} s, ${clip.spec.mode} · ${(clip.mp4.byteLength / 1024).toFixed(0)} KB</p>
        ${unmetAsked(clip.spec.unmet, clip.instruction).length ? html`<p class="muted unmet">The registries could not give ${listPhrase(unmetAsked(clip.spec.unmet, clip.instruction))} (the nearest they know was used).</p>` : nothing}
        <div class="row">
          <a class="button" href=${this.clipUrl} download=${fileName(clip.prompt, clip.seed)}>Download MP4</a>
          <button ?disabled=${busy} @click=${() => this.act(() => this.creation.analyse())}>Analyse it</button>
          <button ?disabled=${busy || recorded !== null} @click=${() => this.act(() => this.creation.record())}>Record</button>
        </div>
        ${recorded ? html`<p class="notice" role="status">Recorded as job <code>${recorded.job.id}</code> (source user): agreement ${pct(recorded.learning.agreement)},
          ${recorded.discovery.new.length} new ${recorded.discovery.new.length === 1 ? 'entry' : 'entries'}, ${recorded.discovery.seen_again.length} seen again. It is in Registries and Diagnostics.</p>` : nothing}
        ${this.comparison(st)}
      </section>`;
  }

  private comparison(st: CreateState) {
    const a = st.analysis;
    if (!a || a.learning.job_id !== st.clip?.id) return nothing;
    return html`
      <h3 id="compare-h">Intended vs observed</h3>
      <table class="compare" aria-labelledby="compare-h">
        <thead><tr><th scope="col">Field</th><th scope="col">Intended</th><th scope="col">Observed</th><th scope="col">Agreement</th></tr></thead>
        <tbody>${compareRows(a.learning).map((r) => html`<tr data-field=${r.field}>
          <th scope="row">${r.field}</th><td>${r.intended}</td><td>${r.observed}</td>
          <td>${pct(r.agreement)}${r.agreement !== null ? html`<meter min="0" max="1" .value=${r.agreement} aria-label="${r.field} agreement"></meter>` : nothing}</td>
        </tr>`)}</tbody>
        <tfoot><tr><th scope="row">overall</th><td colspan="2" class="muted">mean of the fields asked</td><td data-field="total">${pct(a.learning.agreement)}</td></tr></tfoot>
      </table>`;
  }

  override render() {
    const st = this.st;
    if (!st) return html`<h2>Create</h2><p class="muted">Opening…</p>`;
    const busy = st.busy !== null;
    const counted = promptCountText(st.prompt);
    const canMake = !busy && st.prompt.trim() !== '' && !counted.over;
    return html`
      <h2>Create</h2>
      <p class="muted">Describe a clip in your own words: colours, how the camera moves, the light, the sound, its pace. The app reads it,
        shows what it understood, and makes it from what the registries know.</p>
      <label for="prompt">Your prompt</label>
      <textarea id="prompt" aria-describedby="prompt-count" .value=${st.prompt} placeholder="for example: a slow pan left over a teal sea at dusk, calm rumble"
        @input=${(e: Event) => this.creation.setPrompt((e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canMake && this.act(() => this.creation.make())}></textarea>
      <div id="prompt-count" class="count ${counted.over ? 'over' : 'muted'}">${counted.text}</div>
      <div class="row">
        <button ?disabled=${!canMake} @click=${() => this.act(() => this.creation.read())}>Read it</button>
        ${st.history.length ? html`<label class="history">Earlier prompts <select name="history" ?disabled=${busy} @change=${(e: Event) => {
          const sel = e.target as HTMLSelectElement;
          if (sel.value === NONE) return;
          this.creation.setPrompt(sel.value);
          this.act(() => this.creation.read(sel.value));
          sel.value = NONE;
        }}><option value=${NONE}>choose one…</option>${st.history.map((p) => html`<option value=${p}>${p.length > 60 ? `${p.slice(0, 57)}…` : p}</option>`)}</select></label>` : nothing}
      </div>
      ${this.understood(st)}
      <div class="row">
        <button class="primary" ?disabled=${!canMake} @click=${() => this.act(() => this.creation.make())}>Make</button>
        <button ?disabled=${!canMake || !st.clip} @click=${() => this.act(() => this.creation.anotherTake())}>Another take</button>
        <button ?disabled=${!(st.busy === 'make' || st.busy === 'analyse')} @click=${() => this.creation.cancel()}>Cancel</button>
        <label>Seed <input name="seed" style="width:6rem" .value=${st.seed} ?disabled=${busy} @change=${(e: Event) => this.act(() => this.creation.setOptions({ seed: (e.target as HTMLInputElement).value }))}></label>
      </div>
      ${st.error ? html`<p class="error" role="alert">${st.error}${st.clip && st.error === CANCELLED_MESSAGE ? ' The clip below is the one made before.' : ''}</p>` : nothing}
      <p class="muted" style="font-size:0.85rem">The same prompt, changes and seed make the same clip; Another take picks a new seed.</p>
      ${st.busy || Object.values(st.fractions).some((f) => (f ?? 0) > 0) ? html`<step-progress .steps=${USER_CLIP_STEPS} .fractions=${st.fractions}></step-progress>` : nothing}
      <p role="status" aria-live="polite" class="muted">${st.busy ? `${st.busy === 'read' ? 'Reading' : st.busy === 'make' ? 'Making' : st.busy === 'analyse' ? 'Analysing' : 'Recording'}…` : ''}</p>
      ${this.clip(st)}
    `;
  }
}

customElements.define('create-view', CreateView);

declare global {
  interface HTMLElementTagNameMap {
    'create-view': CreateView;
  }
}
