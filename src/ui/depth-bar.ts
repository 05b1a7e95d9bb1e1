// <depth-bar>: a breakdown (parts summing to 100) drawn as one stacked bar, each part titled with its share.
import { LitElement, css, html } from 'lit';
import { partColor } from './part-colors.ts';

/** <depth-bar> */
export class DepthBar extends LitElement {
  static override properties = {
    parts: { attribute: false },
  };

  static override styles = css`
    :host { display: inline-flex; width: 9rem; height: 0.9rem; border: 1px solid #9aa3b5; border-radius: 3px; overflow: hidden; vertical-align: middle; }
    span { display: block; height: 100%; }
  `;

  /** Parts 0–100 by key. */
  declare parts: Record<string, number> | null;

  constructor() {
    super();
    this.parts = null;
  }

  override render() {
    const parts = Object.entries(this.parts ?? {}).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const label = parts.map(([k, v]) => `${k} ${v.toFixed(1)} %`).join(', ');
    this.setAttribute('title', label);
    this.setAttribute('aria-label', label || 'no breakdown');
    this.setAttribute('role', 'img');
    return html`${parts.map(([k, v]) => html`<span style="width:${v}%;background:${partColor(k)}"></span>`)}`;
  }
}

customElements.define('depth-bar', DepthBar);

declare global {
  interface HTMLElementTagNameMap {
    'depth-bar': DepthBar;
  }
}
