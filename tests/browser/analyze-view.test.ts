// The Analyze view in Chromium over a real AppSession (real worker, real IndexedDB), on committed media made by ffmpeg
// (tests/fixtures/real-media/make-shots-silent.sh, tests/fixtures/make.sh): re-picking the same file, dropped files
// the app cannot read explained and nothing stored, Cancel, progress as a percentage, thumbnails (one per shot, one
// per second of a long shot), silence labelled, axe-core with a report shown, and no sideways scroll at 390 px.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { AppSession } from '../../src/app/session.ts';
import '../../src/ui/analyze-view.ts';
import type { AnalyzeView } from '../../src/ui/analyze-view.ts';
import { FramePlot } from '../../src/app/frame-plot.ts';
import { isAnalysisError } from '../../src/core/report/analysis.ts';
import { dominantColors } from '../../src/core/report/summary-words.ts';
import { MAX_FRAME_COLUMNS, type ReportView } from '../../src/ui/report-view.ts';

interface ShotsTruth {
  frames: number;
  fps: number;
  shots_frames: number[];
  cuts: number[];
  audio_max_volume_db: string;
}

const sessions: AppSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  document.body.replaceChildren();
});

async function media(path: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/${path}`);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new File([await r.blob()], path.split('/').pop()!);
}

async function mount(): Promise<{ session: AppSession; view: AnalyzeView }> {
  const session = await AppSession.open(`analyze-view-${Date.now()}-${Math.random()}`);
  sessions.push(session);
  const view = document.createElement('analyze-view');
  view.session = session;
  document.body.append(view);
  await view.updateComplete;
  return { session, view };
}

const root = (view: AnalyzeView) => view.shadowRoot!;
const input = (view: AnalyzeView) => root(view).querySelector('input[type=file]') as HTMLInputElement;

function pick(view: AnalyzeView, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input(view).files = dt.files;
  input(view).dispatchEvent(new Event('change', { bubbles: true }));
}

function drop(view: AnalyzeView, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  root(view).querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

async function until<T>(what: string, f: () => T | null | undefined | false, timeoutMs = 120_000): Promise<T> {
  const t0 = performance.now();
  for (;;) {
    const v = f();
    if (v) return v;
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const articles = (view: AnalyzeView) => [...root(view).querySelectorAll('article')];
const reportOf = (a: Element) => a.querySelector('report-view');
const total = (c: Record<string, number>) => Object.values(c).reduce((s, n) => s + n, 0);

describe('<analyze-view>', () => {
  it('keeps a finished report without its frames, plotting them from typed arrays as the objects would be plotted (issue 18)', async () => {
    const { session, view } = await mount();
    const file = await media('real-media/base-small.mp4');
    pick(view, [file]);
    const report = await until('report', () => articles(view)[0] && reportOf(articles(view)[0]!)) as ReportView;
    await report.updateComplete;
    const item = session.store.state.analyses[0]!;
    const kept = item.done!.result;
    if (isAnalysisError(kept)) throw new Error('an error report');
    expect(kept.frames).to.deep.equal([]);
    expect(item.plot).to.be.instanceOf(FramePlot);
    // the same file taken whole (untracked): what the objects held
    const whole = (await session.analyze(file, { track: false })).result;
    if (isAnalysisError(whole)) throw new Error('an error report');
    expect(item.plot!.count).to.equal(whole.frames.length).and.to.be.greaterThan(0);
    const svgs = [...report.shadowRoot!.querySelectorAll('figure svg')];
    const palette = svgs.find((s) => s.getAttribute('aria-label') === 'palette per frame')!;
    const rects = [...palette.querySelectorAll('rect')];
    expect(rects.length).to.equal(whole.frames.reduce((s, f) => s + f.colors.length, 0));
    const first = whole.frames[0]!.colors[0]!;
    expect(rects[0]!.getAttribute('fill')).to.equal(`rgb(${first.rgb[0]},${first.rgb[1]},${first.rgb[2]})`);
    expect(Number(rects[0]!.getAttribute('height'))).to.equal(first.share);
    const heard = whole.frames.filter((f) => f.sound !== null).length;
    const sound = svgs.find((s) => /^sound/.test(s.getAttribute('aria-label') ?? ''));
    expect(sound ? sound.querySelectorAll('rect').length : 0).to.equal(4 * heard);
    expect(report.shadowRoot!.querySelector('.summary')!.textContent).to.equal(item.summary);
    // the palette legend names the colours the whole report's frames had (it was empty once the frames were dropped)
    const legend = [...report.shadowRoot!.querySelectorAll('ul[aria-label="palette legend"] li')].map((li) => li.textContent!.trim());
    const named = dominantColors(whole).filter((c) => c.share >= 1).slice(0, 8);
    expect(named.length).to.be.greaterThan(0);
    expect(legend).to.deep.equal(named.map((c) => `${c.name} ${Math.round(c.share)} %`));

    // a long file: at most MAX_FRAME_COLUMNS columns, every k-th frame k frames wide
    const long = FramePlot.of(Array.from({ length: 5000 }, (_, i) => ({ ...whole.frames[i % whole.frames.length]!, index: i })));
    report.plot = long;
    await report.updateComplete;
    const cols = [...report.shadowRoot!.querySelectorAll('svg[aria-label="palette per frame"] rect')].filter((r) => r.getAttribute('y') === '0');
    expect(cols.length).to.equal(Math.ceil(5000 / Math.ceil(5000 / MAX_FRAME_COLUMNS)));
    expect(cols.length).to.be.at.most(MAX_FRAME_COLUMNS);
  });

  it('picking the same file twice analyses it twice (the input is cleared after each pick)', async () => {
    const { view } = await mount();
    const file = await media('real-media/base-small.mp4');
    pick(view, [file]);
    expect(input(view).value).to.equal('');
    await until('first report', () => articles(view).length === 1 && reportOf(articles(view)[0]!));
    pick(view, [file]);
    await until('second report', () => articles(view).length === 2 && reportOf(articles(view)[1]!));
    expect(articles(view).map((a) => a.querySelector('h3')!.textContent)).to.deep.equal(['base-small.mp4', 'base-small.mp4']);
  });

  it('a dropped text file, an HEVC file and an empty file are explained with the next step, and nothing is stored', async () => {
    const { session, view } = await mount();
    const select = root(view).querySelector('select')!;
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    const before = total(await session.counts() as unknown as Record<string, number>);
    drop(view, [new File(['shopping list: eggs, flour'], 'notes.txt', { type: 'text/plain' }), await media('media/codec-hevc.mp4'), await media('media/empty.mp4')]);
    const alerts = await until('three explained errors', () => {
      const a = [...root(view).querySelectorAll('.explained')];
      return a.length === 3 && a;
    });
    const text = alerts.map((a) => a.textContent!.replace(/\s+/g, ' '));
    console.log(text.join('\n'));
    expect(text[0]).to.contain('notes.txt is not a video or audio file this app can read.');
    expect(text[0]).to.match(/Drop an MP4, MOV, M4V, WebM or MKV video/);
    expect(text[1]).to.contain('This browser cannot decode HEVC (H.265) in codec-hevc.mp4');
    expect(alerts[1]!.querySelector('code')!.textContent).to.equal('ffmpeg -i codec-hevc.mp4 -c:v libx264 -pix_fmt yuv420p -c:a aac codec-hevc-h264.mp4');
    expect(text[2]).to.contain('empty.mp4 is empty (0 bytes).');
    // the raw codes stay available, folded away
    expect(alerts[0]!.querySelector('details')!.textContent).to.contain('not_media');
    expect(root(view).querySelectorAll('report-view').length).to.equal(0);
    expect(total(await session.counts() as unknown as Record<string, number>)).to.equal(before);
  });

  it('a file whose picture cannot be decoded is reported for its sound, the warning explained with the command', async () => {
    const { view } = await mount();
    drop(view, [await media('real-media/hevc-aac.mp4')]);
    const report = await until('report', () => articles(view)[0] && reportOf(articles(view)[0]!));
    await report.updateComplete;
    const sr = report.shadowRoot!;
    expect(sr.querySelector('.summary')!.textContent).to.match(/^An? [\d.]+ s file whose picture \(HEVC \(H\.265\)\) this browser cannot decode, so only its sound is described\. The sound is /);
    expect(sr.querySelector('.warn')!.textContent!.replace(/\s+/g, ' ')).to.contain('This browser cannot decode the picture (HEVC (H.265)), so only the sound was analysed.');
    expect(sr.querySelector('.warn code')!.textContent).to.equal('ffmpeg -i hevc-aac.mp4 -c:v libx264 -pix_fmt yuv420p -c:a aac hevc-aac-h264.mp4');
    expect(sr.querySelector('thumbnail-strip')).to.equal(null);
  });

  it('a dropped WebM (VP9) is accepted and analysed', async () => {
    const { view } = await mount();
    drop(view, [await media('media/codec-vp9.webm')]);
    const report = await until('report', () => articles(view)[0] && reportOf(articles(view)[0]!));
    await report.updateComplete;
    expect(report.shadowRoot!.querySelector('.summary')!.textContent).to.match(/^A 1 s clip, 160×120 at 30 frames a second\. Its colours are mostly (red|blue)/);
  });

  it('shows progress as a percentage that rises, and Cancel stops the analysis and keeps nothing', async () => {
    const { session, view } = await mount();
    const select = root(view).querySelector('select')!;
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    const before = total(await session.counts() as unknown as Record<string, number>);
    const file = await media('real/photos/seq-mixed.mp4');
    const seen: number[] = [];
    let watching = true;
    const watch = () => {
      const pct = root(view).querySelector('.pct')?.textContent;
      if (pct) {
        const v = Number(/^(\d+) %$/.exec(pct.trim())?.[1]);
        if (seen[seen.length - 1] !== v) seen.push(v);
      }
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    pick(view, [file]);
    await until('progress past 20 %', () => seen.some((v) => v >= 20 && v < 100));
    const bar = root(view).querySelector('progress')!;
    expect(bar.max).to.equal(100);
    (([...root(view).querySelectorAll('button')].find((b) => b.textContent === 'Cancel')) as HTMLButtonElement).click();
    await until('cancelled', () => root(view).textContent!.includes('Cancelled'));
    watching = false;
    console.log(`percentages seen: ${seen.join(', ')}`);
    expect(seen.length).to.be.at.least(3);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).to.be.greaterThan(seen[k - 1]!);
    expect(session.store.state.analyses[0]!.cancelled).to.equal(true);
    expect(session.store.state.analyses[0]!.done).to.equal(null);
    expect(root(view).querySelector('progress')).to.equal(null);
    expect(total(await session.counts() as unknown as Record<string, number>)).to.equal(before);
    // the next file is analysed normally, to 100 %
    pick(view, [await media('real-media/base-small.mp4')]);
    await until('report after a cancel', () => articles(view)[1] && reportOf(articles(view)[1]!));
    expect(session.store.state.analyses[1]!.progress).to.equal(1);
  });

  it('an analysis cut short by a reload is told on the next visit (file, how far) until the file is dropped again', async () => {
    const name = `analyze-view-reload-${Date.now()}`;
    const first = await AppSession.open(name);
    sessions.push(first);
    const file = await media('real/photos/seq-mixed.mp4');
    let reached = 0;
    const running = first.analyze(file, { onProgress: (f) => (reached = f) }).catch(() => null);
    await until('progress past 20 %', () => reached >= 0.2 && reached < 1);
    // The page goes away with the analysis running (its session closes: its Web Lock goes, as a reload's page's does);
    // the next visit (same tab) opens the same store. A visit still open keeps its note (running-analyses.test.ts).
    first.close();
    const second = await AppSession.open(name);
    sessions.push(second);
    first.cancelAnalysis(first.store.state.analyses[0]!.id);
    await running;
    const view = document.createElement('analyze-view');
    view.session = second;
    document.body.append(view);
    const note = await until('the interrupted note', () => root(view).querySelector('.interrupted'));
    const said = note.textContent!.replace(/\s+/g, ' ');
    const pct = Number(/interrupted at (\d+) %/.exec(said)?.[1]);
    expect(said).to.contain('The analysis of “seq-mixed.mp4”');
    expect(said).to.contain(`(${Math.round(file.size / 1e3)} kB)`);
    expect(pct).to.be.at.least(20).and.below(100);
    expect(said).to.contain('drop or pick the file again');
    // Still told after another reload; dropping the file again settles it.
    const third = await AppSession.open(name);
    sessions.push(third);
    expect(third.store.state.interruptedAnalyses.map((a) => a.name)).to.deep.equal(['seq-mixed.mp4']);
    pick(view, [await media('real-media/base-small.mp4')]);
    await until('the other file analysed', () => articles(view)[0] && reportOf(articles(view)[0]!));
    expect(root(view).querySelector('.interrupted')).to.not.equal(null);
    // Counted in plain English: one picture, one shot, no beat (not "1 pictures", "tempo — bpm (none)").
    const report = reportOf(articles(view)[0]!)!;
    expect(report.shadowRoot!.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ')).to.contain('· no steady beat · 0 cuts');
    const strip = await until('the pictures', () => report.shadowRoot!.querySelector('thumbnail-strip')?.shadowRoot?.querySelector('figcaption'));
    expect(strip.textContent).to.match(/^Frames: 1 picture of 1 shot /);
    pick(view, [file]);
    await until('the note gone once the file is dropped again', () => !root(view).querySelector('.interrupted'));
    second.cancelAnalysis(second.store.state.analyses[1]!.id);
    // A fresh store of another name knows nothing of it; Dismiss clears a note.
    const fourth = await AppSession.open(name);
    sessions.push(fourth);
    expect(fourth.store.state.interruptedAnalyses).to.deep.equal([]);
    const other = await AppSession.open(`${name}-other`);
    sessions.push(other);
    expect(other.store.state.interruptedAnalyses).to.deep.equal([]);
  });

  it('shows one picture per shot and one per second of a long shot, and labels a silent track silence', async () => {
    const truth = (await (await fetch('/tests/fixtures/real-media/shots-silent.json')).json()) as ShotsTruth;
    const lengths = truth.shots_frames.map((n) => n / truth.fps);
    // FOUNDATION-free rule of the view: a shot of 2 s or more gets one picture per (rounded) second, others one
    const expected = lengths.reduce((s, d) => s + (d >= 2 ? Math.round(d) : 1), 0);
    expect(expected).to.equal(5); // 1.2 s, 3 s and 0.8 s
    const { view } = await mount();
    pick(view, [await media('real-media/shots-silent.mp4')]);
    const report = await until('report', () => articles(view)[0] && reportOf(articles(view)[0]!));
    const strip = await until('thumbnails', () => {
      const s = report.shadowRoot?.querySelector('thumbnail-strip');
      return s && s.shadowRoot?.querySelectorAll('img').length ? s : null;
    });
    await strip.updateComplete;
    const imgs = [...strip.shadowRoot!.querySelectorAll('img')];
    await Promise.all(imgs.map((i) => i.decode()));
    const shots = report.report!.shots;
    console.log(`shots: ${shots.map((s) => `${s.t0}–${s.t1}`).join(', ')}; cuts ${report.report!.cuts.map((c) => c.frame).join(', ')}; transitions ${JSON.stringify(report.report!.transitions)}; pictures at ${imgs.map((i) => i.alt).join(', ')}`);
    expect(shots.length).to.equal(truth.shots_frames.length);
    expect(imgs.length).to.equal(expected);
    for (const i of imgs) expect(i.naturalWidth).to.be.greaterThan(100);
    expect(imgs.map((i) => i.alt)).to.deep.equal(['Shot 1 at 0.6 s', 'Shot 2 at 1.7 s', 'Shot 2 at 2.7 s', 'Shot 2 at 3.7 s', 'Shot 3 at 4.6 s']);
    // pictures of different shots differ (different photographs), those of one shot are the same photo panned
    const mean = async (img: HTMLImageElement) => {
      const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const m = [0, 0, 0];
      for (let k = 0; k < d.length; k += 4) for (let ch = 0; ch < 3; ch++) m[ch]! += d[k + ch]!;
      return m.map((v) => v / (d.length / 4));
    };
    const means = await Promise.all(imgs.map(mean));
    const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    console.log(`thumbnail means: ${means.map((m) => m.map((v) => v.toFixed(0)).join('/')).join('  ')}`);
    expect(dist(means[0]!, means[1]!)).to.be.greaterThan(dist(means[1]!, means[2]!));
    // silence: the truth's peak is ffmpeg's floor; the view says silence instead of painting a spectrogram
    expect(Number(truth.audio_max_volume_db)).to.be.below(-80);
    const spectro = await until('spectrogram decided', () => {
      const s = report.shadowRoot?.querySelector('spectrogram-strip');
      return s && s.shadowRoot?.querySelector('#silence') ? s : null;
    });
    expect(spectro.shadowRoot!.querySelector('canvas')).to.equal(null);
    expect(spectro.shadowRoot!.textContent).to.contain('Silence.');
    expect(report.shadowRoot!.querySelector('svg[aria-label="sound per frame: silence throughout"]')).to.not.equal(null);
    expect(report.shadowRoot!.querySelector('.summary')!.textContent).to.contain('The sound track is silent throughout');
    // legends on every chart
    const legends = [...report.shadowRoot!.querySelectorAll('ul.legend')].map((u) => u.getAttribute('aria-label'));
    expect(legends).to.deep.equal(['palette legend', 'sound legend', 'camera legend', 'shots legend']);
    // palette strips have a visible edge on the pale page
    const palette = report.shadowRoot!.querySelector('svg[aria-label="palette per frame"]')!;
    expect(getComputedStyle(palette).borderTopWidth).to.equal('1px');
    expect(getComputedStyle(palette).borderTopColor).to.equal('rgb(138, 148, 171)');
  });

  it('axe-core finds no serious or moderate violation with a report and an error shown, and nothing scrolls sideways at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const { view } = await mount();
      pick(view, [await media('real-media/shots-silent.mp4'), await media('media/codec-hevc.mp4')]);
      const report = await until('report', () => articles(view)[0] && reportOf(articles(view)[0]!));
      await until('pictures', () => report.shadowRoot?.querySelector('thumbnail-strip')?.shadowRoot?.querySelector('img') && report.shadowRoot?.querySelector('spectrogram-strip')?.shadowRoot?.querySelector('#silence'));
      await until('error', () => root(view).querySelector('.explained'));
      await new Promise((r) => requestAnimationFrame(r));
      expect(document.documentElement.scrollWidth, 'page width at 390 px').to.be.at.most(390);
      if (!(window as unknown as { axe?: unknown }).axe) {
        await new Promise<void>((resolve, reject) => {
          const s = document.createElement('script');
          s.src = '/node_modules/axe-core/axe.min.js';
          s.onload = () => resolve();
          s.onerror = () => reject(new Error('axe-core did not load'));
          document.head.append(s);
        });
      }
      const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
      // the view is shown inside the app's <main>; here it is mounted alone, so page-level landmark rules do not apply
      const main = document.createElement('main');
      document.body.append(main);
      main.append(view);
      await view.updateComplete;
      const result = await axe.run(main, { resultTypes: ['violations'] });
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate');
      console.log(`axe: ${result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'no violations'}`);
      expect(bad.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
