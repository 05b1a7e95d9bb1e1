// Harness smoke worker: draws frames on an OffscreenCanvas, encodes them to H.264 MP4 with
// Mediabunny/WebCodecs, then decodes the MP4 back and reads one pixel.
import * as Comlink from 'comlink';
import { ALL_FORMATS, BufferSource, BufferTarget, CanvasSource, Input, Mp4OutputFormat, Output, VideoSampleSink } from 'mediabunny';

const api = {
  async roundTrip(frames: number, width: number, height: number, rgb: [number, number, number]) {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
    const source = new CanvasSource(canvas, { codec: 'avc', bitrate: 2_000_000, keyFrameInterval: 1 });
    output.addVideoTrack(source, { frameRate: 30 });
    await output.start();
    for (let i = 0; i < frames; i++) {
      ctx.fillStyle = `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
      ctx.fillRect(0, 0, width, height);
      await source.add(i / 30, 1 / 30);
    }
    await output.finalize();
    const bytes = output.target.buffer!;

    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    const sink = new VideoSampleSink(track);
    const read = new OffscreenCanvas(width, height);
    const rctx = read.getContext('2d', { willReadFrequently: true })!;
    let decoded = 0;
    let pixel: number[] = [];
    for await (const sample of sink.samples()) {
      try {
        if (decoded === Math.floor(frames / 2)) {
          sample.draw(rctx, 0, 0);
          pixel = Array.from(rctx.getImageData(width >> 1, height >> 1, 1, 1).data.slice(0, 3));
        }
        decoded++;
      } finally {
        sample.close();
      }
    }
    return { bytes: bytes.byteLength, decoded, pixel, codec: await track.getCodecParameterString() };
  },
};

export type CanvasRoundTripApi = typeof api;
Comlink.expose(api);
