// <registry-table>: one page of a value registry as a table (swatch, name, filed under, value, "Depth (vs pure
// static)" as a stacked bar with its largest part in words, times seen, sources, last seen) and the bars' legend.
import { LitElement, css, html } from 'lit';
import type { RegistryEntry } from '../core/registry/entry.ts';
import { partColor } from './part-colors.ts';
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

/** The largest part of a breakdown, in words ("gray 64.6 %"). */
function largestPart(depth: Record<string, number>): string {
  let best: [string, number] | null = null;
  for (const [k, v] of Object.entries(depth)) if (v > 0 && (best === null || v > best[1])) best = [k, v];
  return best ? `${best[0]} ${best[1].toFixed(1)} %` : '';
}

/** <registry-table> */
export class RegistryTable extends LitElement {
  static override properties = {
    registry: {},
    entries: { attribute: false },
    primitives: { type: Number },
    discoveries: { type: Number },
  };

  static override styles = [viewStyles, css`
    .swatch { display: inline-block; width: 1.4rem; height: 1.4rem; border-radius: 3px; border: 1px solid #6b7489; vertical-align: middle; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .depth { display: flex; align-items: center; gap: 0.4rem; white-space: nowrap; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.8rem; font-size: 0.8rem; margin: 0.3rem 0 0.6rem; padding: 0; list-style: none; }
    .legend li { display: inline-flex; align-items: center; gap: 0.3rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .key { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #6b7489; border-radius: 2px; }
  `];

  declare registry: string;
  declare entries: RegistryEntry[];
  /** Primitives and discoveries in the whole registry (the page shows some of them). */
  declare primitives: number;
  declare discoveries: number;

  constructor() {
    super();
    this.registry = '';
    this.entries = [];
    this.primitives = 0;
    this.discoveries = 0;
  }

  /** The parts the page's depth bars use, in order of their total share on the page. */
  private legendParts(): string[] {
    const total = new Map<string, number>();
    for (const e of this.entries) for (const [k, v] of Object.entries((e.depth ?? {}) as Record<string, number>)) if (v > 0) total.set(k, (total.get(k) ?? 0) + v);
    return [...total.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  }

  override render() {
    const parts = this.legendParts();
    return html`
      <p class="muted" id="depth-legend-title">Depth (vs pure static): each bar is the value's breakdown into its domain's primitives, widths are shares (FOUNDATION §4); beside it, the largest part. Colours on this page:</p>
      <ul class="legend" aria-labelledby="depth-legend-title">${parts.map((k) => html`<li><span class="key" style="background:${partColor(k)}"></span>${k}</li>`)}</ul>
      <div class="scroll" tabindex="0" role="region" aria-label="${this.registry} entries"><table>
      <caption class="muted" style="text-align:left">${this.registry}: ${this.primitives} primitives, ${this.discoveries.toLocaleString('en')} discoveries; ${this.entries.length} on this page</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Swatch</span></th><th scope="col">Name</th><th scope="col">Filed under</th><th scope="col">Origin</th><th scope="col">Value</th><th scope="col">Depth (vs pure static)</th><th scope="col">Times seen</th><th scope="col">Sources</th><th scope="col">Last seen</th></tr></thead>
      <tbody>${this.entries.map((e) => {
        const rgb = (e.value as { rgb?: number[] }).rgb;
        const depth = e.depth as Record<string, number> | null;
        return html`<tr>
          <td>${rgb ? html`<span class="swatch" style="background:rgb(${rgb.join(',')})"></span>` : null}</td>
          <td>${e.name}</td><td>${e.canonical}</td><td>${e.origin}</td><td>${valueText(e)}</td>
          <td>${depth ? html`<span class="depth"><depth-bar .parts=${depth}></depth-bar><span>${largestPart(depth)}</span></span>` : html`<span class="muted">—</span>`}</td>
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
