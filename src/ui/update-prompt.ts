// <update-prompt>: tells the user a new version is ready and applies it when asked.
import { LitElement, css, html } from 'lit';

/** <update-prompt> */
export class UpdatePrompt extends LitElement {
  static override properties = {
    apply: { attribute: false },
  };

  static override styles = css`
    :host { position: fixed; inset: auto 1rem 1rem auto; max-width: calc(100vw - 2rem); background: #1d2330; color: #fff; padding: 0.7rem 1rem; border-radius: 8px; box-shadow: 0 4px 16px #0004; font: 15px system-ui, sans-serif; }
    button { margin-left: 0.6rem; font: inherit; padding: 0.35rem 0.8rem; border-radius: 6px; border: 0; cursor: pointer; }
    button:focus-visible { outline: 3px solid #f0a020; outline-offset: 2px; }
  `;

  /** Called when the user accepts: activates the waiting service worker and reloads. */
  declare apply: (() => void) | null;

  constructor() {
    super();
    this.apply = null;
  }

  override render() {
    return html`<span role="status">A new version is ready.</span>
      <button @click=${() => this.apply?.()}>Reload</button>
      <button @click=${() => this.remove()}>Later</button>`;
  }
}

customElements.define('update-prompt', UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
}
