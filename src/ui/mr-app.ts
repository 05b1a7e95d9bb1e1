import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** The application shell: header and the views. */
@customElement('mr-app')
export class MrApp extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; }
  `;

  override render() {
    return html`<header><h1>Motion Registries</h1></header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mr-app': MrApp;
  }
}
