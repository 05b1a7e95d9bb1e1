import { expect } from 'chai';
import * as Comlink from 'comlink';
import type { CanvasRoundTripApi } from './workers/canvas-roundtrip.worker.ts';

describe('test harness: WebCodecs in a worker through Mediabunny', () => {
  it('encodes 30 OffscreenCanvas frames to H.264 MP4 and decodes them back', async () => {
    const worker = new Worker(new URL('./workers/canvas-roundtrip.worker.ts', import.meta.url), { type: 'module' });
    try {
      const api = Comlink.wrap<CanvasRoundTripApi>(worker);
      const colour: [number, number, number] = [200, 40, 90];
      const result = await api.roundTrip(30, 160, 120, colour);
      expect(result.decoded).to.equal(30);
      expect(result.codec).to.match(/^avc1\./);
      expect(result.bytes).to.be.greaterThan(100);
      result.pixel.forEach((v, i) => expect(Math.abs(v - colour[i]!)).to.be.at.most(6));
    } finally {
      worker.terminate();
    }
  });
});
