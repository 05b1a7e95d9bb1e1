// <thumbnail-strip>: pictures of the analysed file's frames, one per shot and one per second of a long shot (the
// session decodes them in the analysis worker at thumbnailTimes(report); this element only shows them), each labelled
// with its shot and time. The row wraps, so it never makes the page scroll sideways on a phone.
import { LitElement, css, html } from 'lit';
import type { ShotReport } from '../core/report/analysis.ts';
import type { Thumbnail } from '../media/frame-thumbnails.ts';
import { plural } from './plural.ts';
import { viewStyles } from './ui-styles.ts';

/** <thumbnail-strip> */
export class ThumbnailStrip extends LitElement {
  static override properties = {
    thumbnails: { attribute: false },
    shots: { attribute: false },
  };

  static override styles = [viewStyles, css`
    figure.strip { margin: 0.4rem 0 0.8rem; }
    ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem; padding: 0; margin: 0; }
    li { margin: 0; font-size: 0.7rem; color: #4a5266; text-align: center; font-variant-numeric: tabular-nums; }
    li.first { box-shadow: -3px 0 0 #b00020; }
    img { display: block; height: 3.2rem; width: auto; max-width: 7rem; border: 1px solid #8a94ab; border-radius: 2px; background: #000; }
    figcaption { font-size: 0.8rem; color: #4a5266; }
    .none { font-size: 0.85rem; background: #f4f6fa; border-radius: 3px; padding: 0.5rem; margin: 0.4rem 0 0.8rem; }
  `];

  /** The decoded pictures in time order, or 'pending' while the session decodes them. */
  declare thumbnails: Thumbnail[] | 'pending';
  /** The report's shots, to say which shot each picture belongs to. */
  declare shots: ShotReport[];
  private urls: string[] = [];
  private shown: Thumbnail[] | null = null;

  constructor() {
    super();
    this.thumbnails = [];
    this.shots = [];
  }

  override willUpdate() {
    // object URLs live as long as the pictures they show
    const list = this.thumbnails === 'pending' ? null : this.thumbnails;
    if (list === this.shown) return;
    this.revoke();
    this.shown = list;
    this.urls = (list ?? []).map((t) => URL.createObjectURL(t.image));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.revoke();
    this.shown = null;
  }

  private revoke() {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }

  private shotOf(t: number): number {
    const k = this.shots.findIndex((s) => t >= s.t0 && t < s.t1);
    return k >= 0 ? k : Math.max(0, this.shots.length - 1);
  }

  override render() {
    if (this.thumbnails === 'pending') return html`<p class="none muted" role="status">Frames: decoding pictures…</p>`;
    if (this.thumbnails.length === 0) return html`<p class="none muted">Frames: no picture this browser can decode.</p>`;
    let prevShot = -1;
    return html`<figure class="strip">
      <ol aria-label="Frames, one per shot and one per second of a long shot">
        ${this.thumbnails.map((t, i) => {
          const shot = this.shotOf(t.t);
          const first = shot !== prevShot;
          prevShot = shot;
          return html`<li class=${first && i > 0 ? 'first' : ''}><img src=${this.urls[i] ?? ''} width=${t.width} height=${t.height} alt=${`Shot ${shot + 1} at ${t.t.toFixed(1)} s`}>${t.t.toFixed(1)} s</li>`;
        })}
      </ol>
      <figcaption>Frames: ${plural(this.thumbnails.length, 'picture')} of ${plural(this.shots.length, 'shot')} (one per shot, one per second of a shot of 2 s or more); a red mark starts a new shot.</figcaption>
    </figure>`;
  }
}

customElements.define('thumbnail-strip', ThumbnailStrip);

declare global {
  interface HTMLElementTagNameMap {
    'thumbnail-strip': ThumbnailStrip;
  }
}
