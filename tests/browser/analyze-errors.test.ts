// Broken files give the error report with a specific code and the file's identity, never a hang or a partial report;
// time limits and aborts end the worker, and the next file is analysed normally.
import { expect } from 'chai';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { sha256Hex } from '../../src/media/analyze-sha256.ts';
import { asReport, fixture, loadTruth, sha256 } from '../fixtures/truth-helpers.ts';

describe('analyze: broken files', () => {
  it('gives each broken fixture its error code, with name, bytes and sha256, and nothing else', async () => {
    const truth = await loadTruth();
    const broken = Object.entries(truth).filter(([, t]) => t.kind === 'error');
    expect(broken.length).to.be.at.least(7);
    for (const [name, t] of broken) {
      const file = await fixture(name);
      const r = await analyzeFile(file);
      console.log(`${name}: ${'error' in r ? `${r.error.code} (${r.error.message})` : 'REPORT'}`);
      expect(r, name).to.have.property('error');
      if (!('error' in r)) continue;
      expect(r.error.code, name).to.equal(t.code);
      expect(Object.keys(r).sort()).to.deep.equal(['error', 'file', 'schema']);
      expect(r.schema).to.equal('mp4-analysis/1');
      expect(r.file).to.deep.equal({ name, bytes: file.size, sha256: await sha256(file) });
    }
  });

  it('a file cut short inside its media data is reported as far as it decodes, with a truncated warning', async () => {
    const truth = await loadTruth();
    const partial = Object.entries(truth).filter(([, t]) => t.kind === 'partial');
    expect(partial.length).to.be.at.least(1);
    for (const [name, t] of partial) {
      const r = asReport(await analyzeFile(await fixture(name)));
      console.log(`${name}: ${r.frames.length} frames; ${JSON.stringify(r.warnings)}`);
      expect(r.frames.length, name).to.be.above(0);
      expect(r.warnings.map((w) => w.code), name).to.include(t.warning);
    }
  });

  it('one bad file does not stop the next: a good file after each failure is analysed whole', async () => {
    for (const bad of ['corrupt-mdat.mp4', 'codec-hevc.mp4', 'not-media.mp4']) {
      expect(await analyzeFile(await fixture(bad))).to.have.property('error');
      const good = asReport(await analyzeFile(await fixture('split-ff0000-0000ff-80.mp4')));
      expect(good.frames.length).to.equal(30);
    }
  });

  it('a time limit ends a hung or slow analysis with code timeout, and the worker is replaced', async () => {
    const file = await fixture('cuts-15-30-45.mp4');
    const r = await analyzeFile(file, { timeLimitS: 0.01 });
    expect(r).to.have.property('error');
    if ('error' in r) {
      expect(r.error.code).to.equal('timeout');
      expect(r.file.sha256).to.equal(await sha256(file));
    }
    expect(asReport(await analyzeFile(file)).frames.length).to.equal(60);
  });

  it('an AbortSignal rejects with AbortError; progress only grows and reaches 1', async () => {
    const file = await fixture('cuts-15-30-45.mp4');
    const ctl = new AbortController();
    const p = analyzeFile(file, { signal: ctl.signal, onProgress: (f) => f > 0.2 && ctl.abort() });
    let name = '';
    await p.catch((e: Error) => (name = e.name));
    expect(name).to.equal('AbortError');
    const seen: number[] = [];
    asReport(await analyzeFile(file, { onProgress: (f) => seen.push(f) }));
    expect(seen.length).to.be.greaterThan(3);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).to.be.greaterThan(seen[k - 1]!);
    expect(seen[seen.length - 1]).to.equal(1);
  });

  it('hashes big files incrementally to the same SHA-256 as crypto.subtle', async () => {
    const file = await fixture('cuts-15-30-45.mp4');
    expect(await sha256Hex(file, 1000)).to.equal(await sha256(file));
    const odd = new Blob([new Uint8Array(8 * 1024 * 1024 + 77).map((_, i) => (i * 31) & 255)]);
    expect(await sha256Hex(odd, 0)).to.equal(await sha256(odd));
  });
});
