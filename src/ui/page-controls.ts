// The filter row and the pager that every paged registry view shows (<registries-view>, <language-registry>): one
// look and one wording, so the Registries and Words views read alike and a fix to one reaches both.
import { css, html } from 'lit';

/** Styles of the filter grid (labels above their inputs, wrapping on a phone) and of the pager row. */
export const pageControlStyles = css`
  .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.5rem 0.8rem; align-items: end; margin: 0.6rem 0; }
  .filters label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.15rem; }
  .filters select, .filters input { padding: 0.35rem; min-height: 2.3rem; border: 1px solid #6b7489; border-radius: 4px; min-width: 0; }
  .pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
`;

/** What the pager needs of a page: where it starts, its size, how many rows matched, how many exist, its rows. */
export interface PageShape {
  offset: number;
  limit: number;
  matched: number;
  total: number;
  rows: readonly unknown[];
}

/** Previous / next buttons around "from–to of N matching (page a of b; T NOUN in this registry)"; `go` takes an offset. */
export function pager(p: PageShape, go: (offset: number) => void, noun = '') {
  const pages = Math.max(1, Math.ceil(p.matched / p.limit));
  const at = Math.floor(p.offset / p.limit) + 1;
  const from = p.matched === 0 ? 0 : p.offset + 1;
  const to = Math.min(p.matched, p.offset + p.rows.length);
  return html`<div class="pager">
    <button name="prev" ?disabled=${p.offset === 0} @click=${() => go(p.offset - p.limit)}>Previous page</button>
    <span role="status" id="range">${from}–${to} of ${p.matched.toLocaleString('en')} matching (page ${at} of ${pages}; ${p.total.toLocaleString('en')}${noun ? ` ${noun}` : ''} in this registry)</span>
    <button name="next" ?disabled=${to >= p.matched} @click=${() => go(p.offset + p.limit)}>Next page</button>
  </div>`;
}
