// <interpret-view>: type a prompt, see its spans coloured by domain (underlined by variant), what each word was read
// as (in words, not only on hover, so phones show it too) and the instruction JSON. The prompt can be recorded in
// the interpretation registry (source user), and a person can correct what a word means: pick a domain and a value
// from the vocabulary; the mapping is taught through the session (linguistic registry, source learned) and the
// prompt is interpreted again, so the change shows at once. A conflict with a lexicon word is shown, never hidden.
import { promptCountText } from '../app/plain-error.ts';
import { LitElement, css, html } from 'lit';
import type { Instruction, Span } from '../core/language/instruction.ts';
import { teachableVocabulary, type LexiconConflict } from '../core/language/grow-vocabulary.ts';
import type { AppSession } from '../app/session.ts';
import type { LinguisticMapping } from '../storage/repo-language.ts';
import { partColor } from './part-colors.ts';
import { SessionController } from './session-controller.ts';
import { viewStyles } from './ui-styles.ts';

const VARIANT_LINE: Record<string, string> = { standard: 'solid', synonym: 'dotted', spelling: 'dashed', dialect: 'double', slang: 'wavy' };

/** A word to teach: the text, and what it was read as (null for a word not understood). */
interface TeachTarget {
  text: string;
  domain: string;
  canonical: string;
}

/** <interpret-view> */
export class InterpretView extends LitElement {
  static override properties = {
    session: { attribute: false },
    record: { state: true },
    recorded: { state: true },
    target: { state: true },
    teachMessage: { state: true },
    conflicts: { state: true },
    learned: { state: true },
  };

  static override styles = [viewStyles, css`
    textarea { width: 100%; box-sizing: border-box; min-height: 4rem; }
    .spans { font-size: 1.1rem; line-height: 2; overflow-wrap: anywhere; }
    .span { padding: 0.1rem 0.2rem; border-radius: 3px; text-decoration-line: underline; text-decoration-thickness: 2px; }
    pre { background: #f4f6fa; padding: 0.6rem; overflow-x: auto; font-size: 0.8rem; max-height: 28rem; }
    ul.meanings { list-style: none; padding: 0; margin: 0; }
    ul.meanings li { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: center; padding: 0.3rem 0; border-bottom: 1px solid #e2e5ec; }
    .word { font-weight: 600; overflow-wrap: anywhere; }
    .meaning { flex: 1 1 10rem; min-width: 0; overflow-wrap: anywhere; }
    .meanings button { min-height: 2.5rem; padding: 0.2rem 0.7rem; }
    fieldset { border: 1px solid #c9cfdc; border-radius: 6px; margin: 0.8rem 0; min-width: 0; }
    fieldset label { display: flex; flex-direction: column; gap: 0.2rem; flex: 1 1 9rem; min-width: 0; }
    fieldset input, fieldset select { min-height: 2.5rem; box-sizing: border-box; width: 100%; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.4rem; align-items: center; }
    .chip { color: #1d2330; padding: 0 0.3rem; }
    .count { font-size: 0.8rem; }
    .count.over { color: #a01010; font-weight: 600; }
    .conflict { background: #fff4dc; border-left: 4px solid #b26b00; padding: 0.4rem 0.6rem; margin: 0.4rem 0; }
  `];

  declare session: AppSession | null;
  /** The prompt as typed and its interpretation live in the session: they outlast this tab. */
  private readonly app = new SessionController(this);
  declare private record: boolean;
  declare private recorded: boolean;
  declare private target: TeachTarget | null;
  declare private teachMessage: string | null;
  declare private conflicts: LexiconConflict[];
  declare private learned: LinguisticMapping[];

  constructor() {
    super();
    this.session = null;
    this.record = false;
    this.recorded = false;
    this.target = null;
    this.teachMessage = null;
    this.conflicts = [];
    this.learned = [];
  }

  private get prompt(): string {
    return this.app.state?.interpretPrompt ?? 'a slow pan left over a teal sea at dusk, calm rumble';
  }

  /** Interpret (and record, when asked); the result or the error lands in the session's state. */
  private async run() {
    const session = this.session;
    if (!session) return;
    this.recorded = false;
    // The notes of the last Teach belong to it; this interpretation shows its own conflicts beside its spans.
    this.conflicts = [];
    this.teachMessage = null;
    try {
      if (this.record) {
        await session.interpretAndRecord(this.prompt);
        this.recorded = true;
      } else await session.interpret(this.prompt);
      this.learned = await session.learnedMappings();
    } catch {
      // shown from the session's state
    }
  }

  private async teach(e: Event) {
    e.preventDefault();
    const session = this.session;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const span = String(data.get('span') ?? '');
    const domain = String(data.get('domain') ?? '');
    const canonical = String(data.get('value') ?? '');
    if (!session) return;
    try {
      const taught = await session.teach(span, domain, canonical);
      this.conflicts = taught.conflicts;
      const overruled = taught.conflicts.some((c) => c.kept === 'lexicon');
      this.teachMessage = overruled
        ? `Saved, not applied: “${taught.entry.span}” → ${taught.entry.domain} ${taught.entry.canonical} (see below).`
        : `Taught: “${taught.entry.span}” means ${taught.entry.domain} ${taught.entry.canonical}.`;
      this.target = null;
      // The next interpretation uses it: show it at once.
      await session.interpret(this.prompt);
      this.learned = await session.learnedMappings();
    } catch (err) {
      this.teachMessage = `Not taught: ${(err as Error).message}`;
    }
  }

  private spans(ins: Instruction) {
    const out: unknown[] = [];
    let at = 0;
    for (const s of [...ins.spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at) continue;
      out.push(ins.prompt.slice(at, s.start));
      out.push(html`<span class="span" title="${s.domain} → ${s.canonical} (${s.variant}${s.dialect ? `, ${s.dialect}` : ''})"
        style="background:color-mix(in srgb, ${partColor(`domain.${s.domain}`)} 30%, white);text-decoration-style:${VARIANT_LINE[s.variant] ?? 'solid'}">${ins.prompt.slice(s.start, s.end)}</span>`);
      at = s.end;
    }
    out.push(ins.prompt.slice(at));
    return out;
  }

  /** Each word that means something, with its reading in words and a way to correct it; then the words not understood. */
  private meanings(ins: Instruction) {
    const spans = [...ins.spans].filter((s) => s.domain !== 'function').sort((a, b) => a.start - b.start);
    const via = (s: Span & { via?: string }) => (s.via && s.via !== 'lexicon' ? `, by ${s.via}` : '');
    return html`
      <h3 id="meanings-h">What each word means</h3>
      <ul class="meanings" aria-labelledby="meanings-h">
        ${spans.map((s) => html`<li>
          <span class="word">${s.text}</span>
          <span class="meaning">${s.domain} → <b>${s.canonical}</b> <span class="muted">(${s.variant}${s.dialect ? `, ${s.dialect}` : ''}${via(s)})</span></span>
          <button type="button" aria-label="Correct “${s.text}”" @click=${() => this.pick({ text: s.text, domain: s.domain, canonical: s.canonical })}>Correct</button>
        </li>`)}
        ${ins.unknown.map((u) => html`<li>
          <span class="word">${u.text}</span>
          <span class="meaning muted">not understood</span>
          <button type="button" aria-label="Teach “${u.text}”" @click=${() => this.pick({ text: u.text, domain: 'setting', canonical: '' })}>Teach</button>
        </li>`)}
      </ul>`;
  }

  private pick(target: TeachTarget) {
    this.target = target;
    this.teachMessage = null;
    this.conflicts = [];
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#teach-span') as HTMLInputElement | null)?.focus());
  }

  private teachForm(target: TeachTarget) {
    const vocab = teachableVocabulary(this.learned);
    const domain = vocab.find((v) => v.domain === target.domain) ?? vocab.find((v) => v.domain === 'setting') ?? vocab[0];
    if (!domain) return null;
    return html`
      <form @submit=${(e: Event) => this.teach(e)}>
        <fieldset>
          <legend>Teach what a word means</legend>
          <div class="row">
            <label>Word or phrase <input id="teach-span" name="span" .value=${target.text} required maxlength="100"></label>
            <label>Meaning (domain)
              <select name="domain" @change=${(e: Event) => (this.target = { ...target, domain: (e.target as HTMLSelectElement).value, canonical: '' })}>
                ${vocab.map((v) => html`<option value=${v.domain} ?selected=${v.domain === domain.domain}>${v.domain.replace('_', ' ')}</option>`)}
              </select>
            </label>
            <label>Value
              ${domain.closed
                ? html`<select name="value" required>
                    <option value="" ?selected=${!domain.values.includes(target.canonical)}>choose…</option>
                    ${domain.values.map((v) => html`<option value=${v} ?selected=${v === target.canonical}>${v.replace(/_/g, ' ')}</option>`)}
                  </select>`
                : html`<input name="value" list="teach-values" .value=${target.canonical} required maxlength="60"><datalist id="teach-values">${domain.values.map((v) => html`<option value=${v}></option>`)}</datalist>`}
            </label>
          </div>
          <div class="row"><button class="primary" type="submit">Teach</button><button type="button" @click=${() => (this.target = null)}>Cancel</button></div>
        </fieldset>
      </form>`;
  }

  /** Conflicts as notes, one per taught span (a phrase's origin words named together). */
  private conflictNotes(conflicts: readonly LexiconConflict[]) {
    const said = (m: { domain: string; canonical: string }) => `${m.canonical.replace(/_/g, ' ')} (${m.domain.replace(/_/g, ' ')})`;
    const bySpan = new Map<string, LexiconConflict[]>();
    for (const c of conflicts) bySpan.set(`${c.span}\u0000${c.kept}`, [...(bySpan.get(`${c.span}\u0000${c.kept}`) ?? []), c]);
    return [...bySpan.values()].map((list) => {
      const c = list[0];
      if (!c) return null;
      const inside = list.filter((x) => x.within !== undefined);
      if (inside.length > 0) {
        return html`<p class="conflict" role="note">Not used: “${c.span}” contains ${inside.map((x, k) => html`${k ? ' and ' : ''}“${x.within}”, ${said(x.lexicon)}`)}:
          the app's own starting words keep their meaning. Your meaning for the phrase, ${said(c.learned)}, is saved but not applied,
          so ${inside.map((x, k) => html`${k ? ' and ' : ''}“${x.within}”`)} still ${inside.length > 1 ? 'read' : 'reads'} as before.
          You can remove it in Registries → Words.</p>`;
      }
      return html`<p class="conflict" role="note">
        ${c.kept === 'lexicon'
          ? html`Not used: “${c.span}” is one of the app's own starting words and means ${said(c.lexicon)}; those keep their meaning.
            Your meaning, ${said(c.learned)}, is saved but not applied, so “${c.span}” still reads as ${said(c.lexicon)}.`
          : html`“${c.span}” had a built-in meaning, ${said(c.lexicon)}; your meaning, ${said(c.learned)}, is used from now on.`}
      </p>`;
    });
  }

  override render() {
    const done = this.app.state?.interpretation ?? null;
    const ins = done?.instruction ?? null;
    const error = done?.error ?? null;
    const domains = ins ? [...new Set(ins.spans.map((s) => s.domain))] : [];
    const counted = promptCountText(this.prompt);
    // As in Create: nothing to interpret in an empty prompt, and one over the limit is refused before the click.
    const canRun = this.prompt.trim() !== '' && !counted.over;
    return html`
      <h2>Interpret</h2>
      <label for="prompt">Prompt</label>
      <textarea id="prompt" aria-describedby="prompt-count" .value=${this.prompt} @input=${(e: Event) => this.session?.setDrafts({ interpretPrompt: (e.target as HTMLTextAreaElement).value })}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canRun && this.run()}></textarea>
      <div id="prompt-count" class="count ${counted.over ? 'over' : 'muted'}">${counted.text}</div>
      <div class="row">
        <button class="primary" ?disabled=${!canRun} @click=${() => this.run()}>Interpret</button>
        <label><input type="checkbox" id="record" .checked=${this.record} @change=${(e: Event) => (this.record = (e.target as HTMLInputElement).checked)}> Record in the interpretation registry</label>
        <span class="muted">Ctrl+Enter</span>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <p role="status" class="muted">${this.recorded ? 'Recorded in the interpretation registry (source user).' : ''}${this.teachMessage ? ` ${this.teachMessage}` : ''}</p>
      ${this.conflictNotes(this.conflicts)}
      ${this.target ? this.teachForm(this.target) : null}
      ${ins ? html`
        <p class="spans">${this.spans(ins)}</p>
        ${this.conflictNotes((done?.conflicts ?? []).filter((c) => c.kept === 'lexicon' && !this.conflicts.some((t) => t.span === c.span)))}
        ${domains.length === 0 ? null : html`<p class="muted legend">${domains.map((d) => html`<span class="chip" style="background:color-mix(in srgb, ${partColor(`domain.${d}`)} 30%, white)">${d}</span>`)}
          <span>· underline:</span> ${Object.entries(VARIANT_LINE).map(([v, l]) => html`<span style="text-decoration:underline ${l} 2px">${v}</span>`)}</p>`}
        ${ins.spans.length + ins.unknown.length > 0 ? this.meanings(ins) : html`<p class="muted">No word was understood.</p>`}
        <details><summary>Instruction JSON</summary><pre>${JSON.stringify(ins, null, 2)}</pre></details>` : null}
      ${this.learned.length ? html`<h3>Words learned and taught (${this.learned.length})</h3>
        <p class="muted">${this.learned.map((m, k) => html`${k ? ' · ' : ''}<span>${m.span} → ${m.domain} ${m.canonical}</span>`)}</p>` : null}
    `;
  }
}

customElements.define('interpret-view', InterpretView);

declare global {
  interface HTMLElementTagNameMap {
    'interpret-view': InterpretView;
  }
}
