// The Create view in Chromium over a real AppSession (real IndexedDB, the real interpreter, renderer, encoder and
// analyser): a person types a prompt, reads what was understood, makes the clip, plays it to its end, analyses it
// and records it; the job then shows in the Registries data and in Diagnostics. Also: Cancel keeps nothing, the
// same seed makes the same MP4 (another take does not), an empty or unreadable prompt says why and stores nothing,
// axe-core finds no serious or moderate violation, and at 390 px nothing is wider than the viewport.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import { deleteDb, until } from './helpers/page.ts';
import { decodeMp4 } from './helpers/decode-mp4.ts';
import '../../src/ui/create-view.ts';
import '../../src/ui/diagnostics-view.ts';
import type { CreateView } from '../../src/ui/create-view.ts';

declare global {
  interface Window {
    axe?: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }> };
  }
}

const PROMPT = 'a slow pan left over a teal sea, calm rumble';
const sessions: AppSession[] = [];
const boxes: HTMLElement[] = [];

after(async () => {
  for (const b of boxes) b.remove();
  for (const s of sessions) {
    s.close();
    await deleteDb((s as unknown as { db: { name: string } }).db.name);
  }
});

/** A fresh store and a Create view on it, inside a <main> as in the app. */
async function mount(keepDraft = false): Promise<{ session: AppSession; view: CreateView }> {
  if (!keepDraft) localStorage.removeItem('create_draft');
  const session = await AppSession.open(`create-view-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  sessions.push(session);
  const main = document.createElement('main');
  const view = document.createElement('create-view');
  view.session = session;
  main.append(view);
  document.body.append(main);
  boxes.push(main);
  await until(() => view.shadowRoot?.querySelector('textarea'), 120_000, 'the prompt box');
  return { session, view };
}

const root = (view: CreateView) => {
  const r = view.shadowRoot;
  if (!r) throw new Error('no shadow root');
  return r;
};
const button = (view: CreateView, label: string) => {
  const b = [...root(view).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
const text = (view: CreateView, sel: string) => root(view).querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Type as a person does: the value, then an input event. */
async function type(view: CreateView, prompt: string) {
  const box = root(view).querySelector('textarea');
  if (!box) throw new Error('no textarea');
  box.value = prompt;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await view.updateComplete;
}

async function axeViolations(el: Element) {
  if (!window.axe) {
    const src = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const s = document.createElement('script');
    s.textContent = src;
    document.head.append(s);
  }
  const axe = window.axe;
  if (!axe) throw new Error('axe-core did not load');
  const r = await axe.run(el, { resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'moderate' || v.impact === 'critical');
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What a clip shows and sounds like, decoded by Mediabunny: SHA-256 of every frame's RGBA and of the audio samples.
 * (The MP4 bytes themselves differ between two makes: the muxer interleaves audio and video chunks in the order the
 * encoders return them, and stamps the creation time.)
 */
async function decodedDigest(mp4: Uint8Array): Promise<{ frames: number; video: string; audio: string }> {
  const d = await decodeMp4(mp4);
  const video = new Uint8Array(d.frames.reduce((n, f) => n + f.length, 0));
  let o = 0;
  for (const f of d.frames) {
    video.set(f, o);
    o += f.length;
  }
  return { frames: d.frames.length, video: await sha256(video), audio: await sha256(new Uint8Array(d.audio.buffer, d.audio.byteOffset, d.audio.byteLength)) };
}

describe('<create-view>', () => {
  it('prompt → understood → make → plays to the end → analyse → record; the job is in Registries and Diagnostics', async function () {
    this.timeout(300_000);
    await setViewport({ width: 1280, height: 800 });
    const { session, view } = await mount();
    expect(button(view, 'Make').disabled, 'Make is off with no prompt').to.equal(true);
    await type(view, `${PROMPT}, zorbly`);
    button(view, 'Read it').click();
    await until(() => root(view).querySelector('.sentences'), 120_000, 'the sentences');
    const sentences = text(view, '.sentences');
    expect(sentences).to.contain('The camera pans left.');
    expect(sentences).to.contain('Colours: teal.');
    expect(sentences).to.contain('Not understood: “zorbly”.');
    // Each word's meaning is written out (no hover needed); the unknown word is marked.
    const words = [...root(view).querySelectorAll('.words li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // (the quotes around each word are the <q> element's, drawn by CSS)
    expect(words).to.include('pan left → camera: pan_left');
    expect(words).to.include('teal → color: teal');
    expect(root(view).querySelector('.words li.unknown')?.textContent).to.match(/zorbly.*not understood/s);
    // A chip edit: add orange to the palette.
    const add = root(view).querySelector<HTMLSelectElement>('[data-chip=palette] select');
    if (!add) throw new Error('no palette chip');
    add.value = 'orange';
    add.dispatchEvent(new Event('change'));
    await until(() => text(view, '.sentences').includes('Colours: teal and orange.'), 120_000, 'the edited palette sentence');
    expect(root(view).querySelector('[data-chip=palette]')?.classList.contains('edited')).to.equal(true);

    button(view, 'Make').click();
    const video = await until(() => root(view).querySelector('video'), 120_000, 'the clip');
    const made = session.creation.state.clip;
    if (!made) throw new Error('no clip in the state');
    expect(made.instruction.palette.primitives).to.deep.equal(['teal', 'orange']);
    expect(made.spec.camera.move).to.equal('pan_left');
    const bars = [...root(view).querySelector('step-progress')!.shadowRoot!.querySelectorAll('progress')].map((p) => [p.id, p.value]);
    expect(Object.fromEntries(bars)).to.include({ interpret: 1, spec: 1, create: 1 });
    const link = root(view).querySelector<HTMLAnchorElement>('a[download]');
    expect(link?.textContent?.trim()).to.equal('Download MP4');
    expect(link?.download).to.match(/^a-slow-pan-left.*\.mp4$/);
    expect((await (await fetch(link!.href)).arrayBuffer()).byteLength).to.equal(made.mp4.byteLength);

    // Play it to the end.
    video.muted = true;
    const ended = new Promise<void>((resolve, reject) => {
      video.addEventListener('ended', () => resolve(), { once: true });
      video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code}: ${video.error?.message}`)), { once: true });
    });
    await video.play();
    await ended;
    expect(video.ended).to.equal(true);
    expect(video.currentTime).to.be.closeTo(made.spec.duration_s, 0.1);
    console.log(`make steps (ms): ${JSON.stringify(made.step_ms)}`);
    console.log(`made "${made.prompt}" seed ${made.seed}: ${made.spec.width}×${made.spec.height}, ${made.spec.duration_s} s, ${made.mp4.byteLength} bytes; played to the end (${video.currentTime.toFixed(2)} s)`);

    button(view, 'Analyse it').click();
    await until(() => root(view).querySelector('table.compare'), 120_000, 'the comparison');
    const rows: Record<string, (string | undefined)[]> = Object.fromEntries([...root(view).querySelectorAll('table.compare tbody tr')].map((tr) => [tr.getAttribute('data-field'), [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim())]));
    expect(Object.keys(rows)).to.deep.equal(['camera', 'motion', 'gradient', 'lighting', 'palette', 'sound', 'tempo']);
    expect(rows.camera?.[1]).to.equal('pan left');
    const learning = session.creation.state.analysis?.learning;
    if (!learning) throw new Error('no learning in the state');
    for (const [field, cells] of Object.entries(rows)) {
      const a = learning.fields[field as keyof typeof learning.fields].agreement;
      expect(cells[3], field).to.equal(a === null ? 'not asked' : `${Math.round(a * 100)} %`);
    }
    console.log(`intended vs observed: ${Object.entries(rows).map(([f, c]) => `${f} ${c[1]} / ${c[2]} = ${c[3]}`).join('; ')}; overall ${learning.agreement}`);

    // axe on the fullest state (chips, clip, comparison): nothing serious or moderate.
    const bad = await axeViolations(view);
    expect(bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);

    const before = (await session.diagnostics()).diagnostics;
    button(view, 'Record').click();
    await until(() => root(view).querySelector('.notice'), 120_000, 'the recorded notice');
    const recorded = session.creation.state.recorded;
    if (!recorded) throw new Error('nothing recorded');
    expect(text(view, '.notice')).to.contain(recorded.job.id);
    expect(button(view, 'Record').disabled).to.equal(true);
    expect(recorded.job).to.include({ prompt_mode: 'user', prompt: `${PROMPT}, zorbly` });

    // Diagnostics: one more job, none missing a record, through the session and the view.
    const after = (await session.diagnostics()).diagnostics;
    expect(after.jobs).to.equal(before.jobs + 1);
    expect(after).to.include({ missing_learning: 0, missing_discovery: 0 });
    const diag = document.createElement('diagnostics-view');
    diag.session = session;
    boxes[boxes.length - 1]!.append(diag);
    await until(() => diag.shadowRoot?.querySelector('#jobs')?.textContent === String(after.jobs), 120_000, 'the Diagnostics job count');
    // Registries: every entry the job discovered or saw again lists the job among its sources.
    const reg = await session.registries();
    const all = Object.values(reg.entries).flat();
    const touched = [...recorded.discovery.new, ...recorded.discovery.seen_again];
    expect(touched.length).to.be.greaterThan(0);
    for (const key of touched) {
      const e = all.find((x) => `${x.registry}/${x.name}` === key);
      expect(e, key).to.not.equal(undefined);
      expect(e!.sources, key).to.include(recorded.job.id);
    }
    expect(reg.narrative.intended.some((n) => n.job_id === recorded.job.id)).to.equal(true);
    expect(reg.narrative.observed.some((n) => n.job_id === recorded.job.id)).to.equal(true);
    // The prompt is now in the person's history.
    expect(session.creation.state.history[0]).to.equal(`${PROMPT}, zorbly`);
    console.log(`recorded ${recorded.job.id}: ${recorded.discovery.new.length} new, ${recorded.discovery.seen_again.length} seen again; jobs ${before.jobs} → ${after.jobs}`);

    // At 390 px nothing is wider than the viewport (the Diagnostics view is another view's: checked by its own tests).
    diag.remove();
    await setViewport({ width: 390, height: 844 });
    await view.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const wide = [...root(view).querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > 390.5).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} ${Math.round(el.getBoundingClientRect().right)}`);
    expect(wide, 'elements past the right edge at 390 px').to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'page width at 390 px').to.be.at.most(390);
    await setViewport({ width: 1280, height: 800 });
  });

  it('the size picked is the size made: 640 × 360 in the spec, the decoded frames and the caption; Size shows (changed)', async function () {
    this.timeout(120_000);
    const { session, view } = await mount();
    await type(view, 'a teal field, rumble, 1 second');
    button(view, 'Read it').click();
    await until(() => root(view).querySelector('select[aria-label="Frame size"]'), 60_000, 'the chips');
    expect(text(view, '[data-chip=size] legend')).to.equal('Size and look');
    const sel = root(view).querySelector<HTMLSelectElement>('select[aria-label="Frame size"]');
    if (!sel) throw new Error('no size select');
    sel.value = 'large';
    sel.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await view.updateComplete;
    expect(session.creation.state.size).to.equal('large');
    expect(text(view, '[data-chip=size] legend')).to.equal('Size and look (changed)');
    button(view, 'Make').click();
    await until(() => root(view).querySelector('video'), 60_000, 'the clip');
    const clip = session.creation.state.clip;
    if (!clip) throw new Error('no clip');
    expect([clip.spec.width, clip.spec.height]).to.deep.equal([640, 360]);
    const d = await decodeMp4(clip.mp4);
    expect([d.width, d.height]).to.deep.equal([640, 360]);
    expect(text(view, 'section[aria-labelledby=clip-h] p.muted')).to.contain('640 × 360');
  });

  it('a duration typed outside the range is brought into it, visibly: the field, the instruction and a note agree', async function () {
    this.timeout(60_000);
    const { session, view } = await mount();
    await type(view, 'a teal field, rumble');
    button(view, 'Read it').click();
    await until(() => root(view).querySelector('input[name=duration]'), 60_000, 'the chips');
    const input = root(view).querySelector<HTMLInputElement>('input[name=duration]');
    if (!input) throw new Error('no duration input');
    input.value = '77';
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await view.updateComplete;
    expect(input.value).to.equal('10');
    expect(session.creation.state.edited?.duration_s).to.equal(10);
    expect(text(view, '.duration-note')).to.equal('77 s is outside 0.5–10 s: set to 10 s.');
    expect(text(view, '[data-chip=duration] legend')).to.equal('Duration (changed)');
    input.value = '3';
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await view.updateComplete;
    expect(session.creation.state.edited?.duration_s).to.equal(3);
    expect(root(view).querySelector('.duration-note')).to.equal(null);
  });

  it('a colour concept alone ("neon") is said the same way in the summary and in the Colours box', async () => {
    const { view } = await mount();
    await type(view, 'hella bright neon city, zoom in quick');
    button(view, 'Read it').click();
    await until(() => root(view).querySelector('.sentences [data-field=palette]'), 120_000, 'the sentences');
    expect(text(view, '.sentences [data-field=palette]')).to.equal('Colours: neon colours, the registries choose which.');
    expect(text(view, '[data-chip=palette] .palette-asked')).to.equal('neon colours, the registries choose which');
  });

  it('Cancel stops a make: no clip, nothing stored; the next make works', async function () {
    this.timeout(120_000);
    const { session, view } = await mount();
    await type(view, 'a fast zoom in on a red and yellow field, hiss, 4 seconds');
    const jobs = (await session.counts()).jobs;
    button(view, 'Make').click();
    await until(() => session.creation.state.busy === 'make' && (session.creation.state.fractions.create ?? 0) > 0, 120_000, 'creation under way');
    expect(button(view, 'Cancel').disabled).to.equal(false);
    button(view, 'Cancel').click();
    await until(() => session.creation.state.busy === null, 120_000, 'the make to stop');
    await view.updateComplete;
    expect(text(view, '[role=alert]')).to.equal('Cancelled: nothing was kept.');
    expect(root(view).querySelector('video')).to.equal(null);
    expect(session.creation.state.clip).to.equal(null);
    expect((await session.counts()).jobs).to.equal(jobs);
    // Making again right after a cancel works (the cancelled render's worker must not take the next one down).
    await type(view, 'a teal field, rumble, 1 second');
    button(view, 'Make').click();
    await until(() => root(view).querySelector('video'), 60_000, 'a clip after the cancel');
    expect(session.creation.state.clip?.spec.duration_s).to.equal(1);
    expect(root(view).querySelector('step-progress')).to.not.equal(null);
    // A cancelled take with a clip already made: its bars go, the message stands by the form (before the clip) and
    // says the clip shown is the earlier one.
    const earlier = session.creation.state.clip?.id;
    await type(view, 'a fast zoom in on a red and yellow field, hiss, 4 seconds');
    button(view, 'Make').click();
    await until(() => session.creation.state.busy === 'make' && (session.creation.state.fractions.create ?? 0) > 0, 120_000, 'the second make under way');
    button(view, 'Cancel').click();
    await until(() => session.creation.state.busy === null, 120_000, 'the second make to stop');
    await view.updateComplete;
    expect(root(view).querySelector('step-progress')).to.equal(null);
    const alert = root(view).querySelector('[role=alert]') as HTMLElement;
    expect(alert.textContent).to.equal('Cancelled: nothing was kept. The clip below is the one made before.');
    expect([...(alert.previousElementSibling?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim())).to.include('Make');
    expect(alert.compareDocumentPosition(root(view).querySelector('video') as Node) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(session.creation.state.clip?.id).to.equal(earlier);
  });

  it('the same seed makes the same clip (identical decoded frames and audio); another take makes another', async function () {
    this.timeout(200_000);
    const { session, view } = await mount();
    await type(view, 'a slow tilt up over navy and pink, tone');
    session.creation.setOptions({ seed: '7' });
    const one = await session.creation.make();
    console.log(`make steps (ms): ${JSON.stringify(one.step_ms)}`);
    const two = await session.creation.make();
    expect(two.spec).to.deep.equal(one.spec);
    const [a, b] = [await decodedDigest(one.mp4), await decodedDigest(two.mp4)];
    expect(a.frames).to.equal(one.spec.frame_count);
    expect(b).to.deep.equal(a);
    button(view, 'Another take').click();
    await until(() => session.creation.state.busy === null && session.creation.state.clip?.seed !== '7' && session.creation.state.clip, 120_000, 'another take');
    const take = session.creation.state.clip!;
    expect(take.seed).to.not.equal('7');
    expect(take.spec.seed).to.equal(take.seed);
    const c = await decodedDigest(take.mp4);
    expect(c.video).to.not.equal(a.video);
    console.log(`seed 7 twice: ${a.frames} decoded frames ${a.video.slice(0, 12)} = ${b.video.slice(0, 12)}, audio ${a.audio.slice(0, 12)} = ${b.audio.slice(0, 12)}; another take (seed ${take.seed}): frames ${c.video.slice(0, 12)}`);
  });

  it('an empty prompt cannot be made; an unreadable one says what was not understood; nothing is stored; the draft is kept', async function () {
    this.timeout(60_000);
    const { session, view } = await mount();
    const before = await session.counts();
    await type(view, '   ');
    expect(button(view, 'Make').disabled).to.equal(true);
    expect(button(view, 'Read it').disabled).to.equal(true);
    await type(view, 'xqzt blorf');
    button(view, 'Make').click();
    await until(() => root(view).querySelector('[role=alert]'), 120_000, 'the error');
    expect(text(view, '[role=alert]')).to.equal('Nothing in “xqzt blorf” was understood (not understood: xqzt, blorf). Name a colour, a camera move, a sound or a pace, or set one with the chips below.');
    expect(root(view).querySelector('video')).to.equal(null);
    // Its reading is shown: both words marked as not understood.
    expect([...root(view).querySelectorAll('.words li.unknown')].length).to.equal(2);
    const after = await session.counts();
    expect(after.jobs).to.equal(before.jobs);
    expect(after.interpretation).to.equal(before.interpretation);
    expect(after.linguistic).to.equal(before.linguistic);
    // The prompt as typed is kept for the next visit (a reload opens a new session).
    const again = await mount(true);
    expect(again.session.creation.state.prompt).to.equal('xqzt blorf');
    expect(root(again.view).querySelector('textarea')?.value).to.equal('xqzt blorf');
  });
});
