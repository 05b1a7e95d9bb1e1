// <interpret-view>: type a prompt, see its spans coloured by domain (underlined by variant) and the instruction JSON.
import { LitElement, css, html } from 'lit';
import type { Instruction } from '../core/language/instruction.ts';
import type { AppSession } from '../app/session.ts';
import { partColor } from './part-colors.ts';
import { SessionController } from './session-controller.ts';
import { viewStyles } from './ui-styles.ts';

const VARIANT_LINE: Record<string, string> = { standard: 'solid', synonym: 'dotted', spelling: 'dashed', dialect: 'double', slang: 'wavy' };

/** <interpret-view> */
export class InterpretView extends LitElement {
  static override properties = {
    session: { attribute: false },
  };

  static override styles = [viewStyles, css`
    textarea { width: 100%; box-sizing: border-box; min-height: 4rem; }
    .spans { font-size: 1.1rem; line-height: 2; }
    .span { padding: 0.1rem 0.2rem; border-radius: 3px; text-decoration-line: underline; text-decoration-thickness: 2px; }
    pre { background: #f4f6fa; padding: 0.6rem; overflow-x: auto; font-size: 0.8rem; max-height: 28rem; }
  `];

  declare session: AppSession | null;
  /** The prompt as typed and its interpretation live in the session: they outlast this tab. */
  private readonly app = new SessionController(this);

  constructor() {
    super();
    this.session = null;
  }

  private get prompt(): string {
    return this.app.state?.interpretPrompt ?? 'a slow pan left over a teal sea at dusk, calm rumble';
  }

  private run() {
    // The result (or the error) lands in the session's state.
    this.session?.interpret(this.prompt).catch(() => {});
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

  override render() {
    const done = this.app.state?.interpretation ?? null;
    const ins = done?.instruction ?? null;
    const error = done?.error ?? null;
    const domains = ins ? [...new Set(ins.spans.map((s) => s.domain))] : [];
    return html`
      <h2>Interpret</h2>
      <label for="prompt">Prompt</label>
      <textarea id="prompt" .value=${this.prompt} @input=${(e: Event) => this.session?.setDrafts({ interpretPrompt: (e.target as HTMLTextAreaElement).value })}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.run()}></textarea>
      <div class="row"><button class="primary" @click=${() => this.run()}>Interpret</button><span class="muted">Ctrl+Enter</span></div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${ins ? html`
        <p class="spans">${this.spans(ins)}</p>
        <p class="muted">${domains.map((d) => html`<span style="background:color-mix(in srgb, ${partColor(`domain.${d}`)} 30%, white);padding:0 0.3rem;margin-right:0.3rem">${d}</span>`)}
          · underline: ${Object.entries(VARIANT_LINE).map(([v, l]) => html`<span style="text-decoration:underline ${l} 2px;margin-right:0.4rem">${v}</span>`)}</p>
        ${ins.unknown.length ? html`<p>Not understood: ${ins.unknown.map((u) => u.text).join(', ')}</p>` : null}
        <pre>${JSON.stringify(ins, null, 2)}</pre>` : null}
    `;
  }
}

customElements.define('interpret-view', InterpretView);

declare global {
  interface HTMLElementTagNameMap {
    'interpret-view': InterpretView;
  }
}
