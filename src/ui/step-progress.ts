// <step-progress>: one labelled progress bar per job step.
import { LitElement, css, html } from 'lit';

/** <step-progress> */
export class StepProgress extends LitElement {
  static override properties = {
    steps: { attribute: false },
    fractions: { attribute: false },
  };

  static override styles = css`
    :host { display: grid; grid-template-columns: 5.5rem 1fr; gap: 0.25rem 0.6rem; align-items: center; font-size: 0.85rem; max-width: 32rem; }
    progress { width: 100%; height: 0.8rem; }
  `;

  declare steps: readonly string[];
  /** Fraction 0–1 per step. */
  declare fractions: Record<string, number>;

  constructor() {
    super();
    this.steps = [];
    this.fractions = {};
  }

  override render() {
    return html`${this.steps.map((s) => html`<label for=${s}>${s}</label><progress id=${s} max="1" .value=${this.fractions[s] ?? 0}></progress>`)}`;
  }
}

customElements.define('step-progress', StepProgress);

declare global {
  interface HTMLElementTagNameMap {
    'step-progress': StepProgress;
  }
}
