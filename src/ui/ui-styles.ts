// Styles every view shares: readable on a phone, visible focus, tables that scroll sideways.
import { css } from 'lit';

/** Styles every view shares: readable on a phone, visible focus, tables that scroll sideways. */
export const viewStyles = css`
  :host { display: block; font: 15px/1.4 system-ui, sans-serif; color: #1d2330; }
  h2 { font-size: 1.2rem; margin: 0.2rem 0 0.8rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
  button, select, input, textarea { font: inherit; }
  button { padding: 0.45rem 0.9rem; border: 1px solid #4a5675; border-radius: 6px; background: #fff; color: #1d2330; cursor: pointer; min-height: 2.5rem; }
  button.primary { background: #2f5bd3; border-color: #2f5bd3; color: #fff; }
  button:disabled { opacity: 0.5; cursor: default; }
  :is(button, select, input, textarea, a, summary, [tabindex]):focus-visible { outline: 3px solid #f0a020; outline-offset: 2px; }
  .row { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.5rem 0; }
  .muted { color: #4f586d; }
  .tech { font: 400 0.75em ui-monospace, monospace; color: #4f586d; }
  .notice { background: #fff6e0; border: 1px solid #d9a520; border-radius: 6px; padding: 0.5rem 0.7rem; }
  a { color: #1f4ab8; }
  .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .error { color: #b00020; white-space: pre-wrap; }
  .scroll { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; font-size: 0.85rem; }
  th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e2e5ec; text-align: left; vertical-align: middle; }
  th { position: sticky; top: 0; background: #f4f6fa; }
  .counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.3rem 1rem; font-size: 0.85rem; }
  .counts b { font-variant-numeric: tabular-nums; }
`;
