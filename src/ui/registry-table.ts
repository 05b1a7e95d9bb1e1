// <registry-table>: one value registry as a table: swatch, name, canonical, value, "Depth (vs pure static)", count, sources, seen.
import { LitElement, css, html } from 'lit';
import type { RegistryEntry } from '../core/registry/entry.ts';
import { viewStyles } from './ui-styles.ts';
import './depth-bar.ts';

function valueText(e: RegistryEntry): string {
  const v = e.value as { hex?: string; raw?: Record<string, number>; notes?: number[]; parts?: Record<string, number>; tone_hz?: number | null; breakdown?: Record<string, number> };
  if (v.hex) return v.hex;
  if (v.breakdown) return `${Object.entries(v.breakdown).filter(([, x]) => x > 0).map(([k, x]) => `${k} ${x.toFixed(0)}`).join(' · ')}${v.tone_hz ? ` · ${v.tone_hz.toFixed(1)} Hz` : ''}`;
  if (v.notes) return `notes ${v.notes.join(' ')}`;
  if (v.parts) return Object.entries(v.parts).map(([k, x]) => `${k} ${x.toFixed(0)}`).join(' · ');
  if (v.raw) return Object.entries(v.raw).map(([k, x]) => `${k} ${Number(x.toPrecision(3))}`).join(' · ') || '—';
  return '';
}

/** <registry-table> */
export class RegistryTable extends LitElement {
  static override properties = {
    registry: {},
    entries: { attribute: false },
  };

  static override styles = [viewStyles, css`
    .swatch { display: inline-block; width: 1.4rem; height: 1.4rem; border-radius: 3px; border: 1px solid #9aa3b5; vertical-align: middle; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
  `];

  declare registry: string;
  declare entries: RegistryEntry[];

  constructor() {
    super();
    this.registry = '';
    this.entries = [];
  }

  override render() {
    return html`<div class="scroll"><table>
      <caption class="muted" style="text-align:left">${this.registry}: ${this.entries.filter((e) => e.origin === 'primitive').length} primitives, ${this.entries.filter((e) => e.origin === 'discovery').length} discoveries</caption>
      <thead><tr><th></th><th>Name</th><th>Canonical</th><th>Origin</th><th>Value</th><th>Depth (vs pure static)</th><th>Count</th><th>Sources</th><th>Last seen</th></tr></thead>
      <tbody>${this.entries.map((e) => {
        const rgb = (e.value as { rgb?: number[] }).rgb;
        return html`<tr>
          <td>${rgb ? html`<span class="swatch" style="background:rgb(${rgb.join(',')})"></span>` : null}</td>
          <td>${e.name}</td><td>${e.canonical}</td><td>${e.origin}</td><td>${valueText(e)}</td>
          <td>${e.depth ? html`<depth-bar .parts=${e.depth as Record<string, number>}></depth-bar>` : html`<span class="muted">—</span>`}</td>
          <td class="num">${e.count}</td><td class="num" title=${e.sources.slice(0, 20).join('\n')}>${e.sources.length}</td>
          <td>${e.count > 0 ? e.last_seen.slice(0, 19).replace('T', ' ') : '—'}</td>
        </tr>`;
      })}</tbody></table></div>`;
  }
}

customElements.define('registry-table', RegistryTable);

declare global {
  interface HTMLElementTagNameMap {
    'registry-table': RegistryTable;
  }
}
