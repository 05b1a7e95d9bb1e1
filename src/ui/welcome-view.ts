// <welcome-view>: the first view on a first visit (and the Home tab after): what the app does, and the three things
// to try first, each a link to its tab.
import { LitElement, css, html } from 'lit';
import { viewStyles } from './ui-styles.ts';

/** The first actions, each a link to the tab that does it. */
const ACTIONS = [
  { href: '#create', title: 'Describe a clip', text: 'Type what you want to see and hear (“a slow pan over a teal sea at dusk, calm rumble”): the app shows how it understood you, makes the clip, and can measure it.' },
  { href: '#analyze', title: 'Drop a video', text: 'Give it an MP4 of your own: it measures the colours, motion, camera, lighting, sound and cuts, frame by frame, and draws them.' },
  { href: '#loop', title: 'Run the loop', text: 'Let it make and measure clips on its own: every clip it makes teaches the registries new colours, sounds and moves.' },
] as const;

/** <welcome-view> */
export class WelcomeView extends LitElement {
  static override styles = [viewStyles, css`
    .lead { font-size: 1.05rem; max-width: 46rem; }
    ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.8rem; }
    li a { display: block; height: 100%; box-sizing: border-box; border: 1px solid #c5cbd8; border-radius: 8px; padding: 0.8rem 1rem; text-decoration: none; color: inherit; background: #fff; }
    li a:hover { border-color: #2f5bd3; background: #f4f6fa; }
    li b { display: block; color: #1f4ab8; font-size: 1.05rem; margin-bottom: 0.3rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; font-size: 0.9rem; max-width: 46rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    @media (max-width: 480px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4rem; } }
  `];

  override render() {
    return html`
      <h2>Welcome to Motion Registries</h2>
      <p class="lead">This app makes short video clips from words and measures video: colours, sounds, motion, camera moves and lighting.
        Everything it finds is kept, with a name, in <b>registries</b> in this browser, so it learns what words look and sound like.
        It works offline; nothing leaves your device unless you turn on sync.</p>
      <h3>Start with one of these</h3>
      <ul>${ACTIONS.map((a) => html`<li><a href=${a.href}><b>${a.title}</b>${a.text}</a></li>`)}</ul>
      <h3>Words you will meet</h3>
      <dl>
        <dt>Registry</dt><dd>A named list of values the app has met: colours, sounds, camera moves, tempos…</dd>
        <dt>Job</dt><dd>One round of the loop: a prompt, the clip made from it, its measurement and what was recorded.</dd>
        <dt>Agreement</dt><dd>How closely the measured clip matches what its prompt asked for (0 to 1).</dd>
        <dt>Workflow</dt><dd>What the loop tries to grow (new colours and sounds, blends and moves, or everything).</dd>
        <dt>Exploit ratio</dt><dd>How often the loop reuses a prompt that already found something, instead of trying a new one.</dd>
        <dt>Seed</dt><dd>A word that fixes the loop's choices: the same seed makes the same prompts and clips.</dd>
      </dl>
    `;
  }
}

customElements.define('welcome-view', WelcomeView);

declare global {
  interface HTMLElementTagNameMap {
    'welcome-view': WelcomeView;
  }
}
