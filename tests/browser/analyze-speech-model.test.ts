// speech_share in the analysis worker from the Silero VAD (issue #13 deliver 5): the worker loads the model and the
// onnxruntime WebAssembly from our own origin (no CDN: offline once cached) and reads a spoken fixture as speech, a
// tone-plus-noise one as not; with the model missing it falls back to the hand-written detector and still reports.
import { expect } from 'chai';
import { analyzeFile, analyzeWorkerSpeechModel, setAnalyzeWorkerSpeechModel, stopAnalyzeWorker, warmAnalyzeWorker } from '../../src/media/analyze-client.ts';
import { asReport, fixture } from '../fixtures/truth-helpers.ts';

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

async function shares(name: string): Promise<number[]> {
  return asReport(await analyzeFile(await fixture(name))).windows.map((w) => w.sound!.speech_share);
}

describe('analyze: speech from the Silero model', () => {
  after(() => setAnalyzeWorkerSpeechModel(null));

  it('loads the model from our origin and reads speech high, tone plus noise low', async () => {
    const speech = await shares('speech.m4a');
    const status = await analyzeWorkerSpeechModel();
    const other = await shares('nonspeech.m4a');
    console.log(`Silero in the worker: ${JSON.stringify(status)}; speech.m4a ${speech.map((x) => x.toFixed(0)).join(' ')}; nonspeech.m4a ${other.map((x) => x.toFixed(0)).join(' ')}`);
    expect(status.state, status.error).to.equal('ready');
    expect(new URL(status.model).origin).to.equal(location.origin);
    expect(new URL(status.wasm).origin).to.equal(location.origin);
    expect(status.model).to.match(/silero_vad_v5.*\.onnx$/);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    // the page itself fetched nothing from another origin for it (the worker fetched the model: see status)
    for (const url of loaded) expect(new URL(url).origin, url).to.equal(location.origin);
    expect(mean(speech)).to.be.above(60);
    expect(speech.filter((x) => x > 50).length).to.be.at.least(Math.ceil(0.75 * speech.length));
    for (const x of other) expect(x).to.be.below(10);
  });

  it('falls back to the hand-written detector when the model is missing, and still reports speech', async () => {
    const withModel = await shares('speech.m4a');
    await setAnalyzeWorkerSpeechModel({ model: `${location.origin}/no-such-model.onnx`, wasm: (await analyzeWorkerSpeechModel()).wasm });
    const fallback = await shares('speech.m4a');
    const status = await analyzeWorkerSpeechModel();
    console.log(`fallback: ${JSON.stringify(status)}; speech.m4a ${fallback.map((x) => x.toFixed(0)).join(' ')} (model: ${withModel.map((x) => x.toFixed(0)).join(' ')})`);
    expect(status.state).to.equal('failed');
    expect(status.error).to.match(/404/);
    expect(mean(fallback)).to.be.above(50);
    expect(fallback).to.not.deep.equal(withModel);
    await setAnalyzeWorkerSpeechModel(null);
    expect(await shares('speech.m4a')).to.deep.equal(withModel);
    expect((await analyzeWorkerSpeechModel()).state).to.equal('ready');
  });

  it('warmAnalyzeWorker loads the model in a fresh worker before any file, and the report is the cold worker\'s', async () => {
    stopAnalyzeWorker();
    const cold = asReport(await analyzeFile(await fixture('speech.m4a')));
    stopAnalyzeWorker();
    expect((await analyzeWorkerSpeechModel()).state).to.equal('unloaded');
    await warmAnalyzeWorker();
    expect((await analyzeWorkerSpeechModel()).state).to.equal('ready');
    const warm = asReport(await analyzeFile(await fixture('speech.m4a')));
    expect(warm.windows).to.deep.equal(cold.windows);
    expect(warm.frames).to.deep.equal(cold.frames);
  });
});
