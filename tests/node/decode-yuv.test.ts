// The 4:2:0 → raster conversion (issue 18: one pass a grid row, no float grid) against the earlier two-stage
// conversion, byte for byte, on real H.264 frames of a photo moved by a camera: I420 and NV12, both ranges, three
// matrices, every rotation, padded strides, and the 720p and 1080p → 640×360 reductions the analysis uses.
import { describe, expect, it } from 'vitest';
import { yuvToRaster, type YuvSource } from '../../src/media/decode-yuv.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';
import { yuvToRasterReference } from './helpers/yuv-reference.ts';

/** A decoded-sample stand-in over one raw 4:2:0 frame, copied with `pad` extra bytes at the end of every row. */
function sample(raw: Buffer, w: number, h: number, format: 'I420' | 'NV12', opts: { rotation?: number; matrix?: string; fullRange?: boolean; pad?: number; padV?: number }): YuvSource {
  const pad = opts.pad ?? 0;
  const cw = (w + 1) >> 1;
  const ch = (h + 1) >> 1;
  const planes = format === 'I420' ? [{ w, h }, { w: cw, h: ch }, { w: cw, h: ch }] : [{ w, h }, { w: 2 * cw, h: ch }];
  const layout: { offset: number; stride: number }[] = [];
  let size = 0;
  planes.forEach((p, k) => {
    // padV: the V plane's own padding, so an I420 sample's chroma planes can have different strides
    const stride = p.w + (k === 2 && opts.padV !== undefined ? opts.padV : pad);
    layout.push({ offset: size, stride });
    size += stride * p.h;
  });
  const bytes = new Uint8Array(size);
  let at = 0;
  planes.forEach((p, k) => {
    for (let y = 0; y < p.h; y++, at += p.w) bytes.set(raw.subarray(at, at + p.w), layout[k]!.offset + y * layout[k]!.stride);
  });
  return {
    format,
    visibleRect: { width: w, height: h },
    rotation: opts.rotation ?? 0,
    flip: false,
    pixelAspectRatio: { num: 1, den: 1 },
    colorSpace: { matrix: opts.matrix ?? 'bt709', fullRange: opts.fullRange ?? false, primaries: 'bt709' },
    allocationSize: () => size,
    copyTo: async (dest) => {
      dest.set(bytes);
      return layout;
    },
  };
}

/** The top-left w×h of a W×H 4:2:0 frame (I420 planes or NV12's interleaved chroma), as its own frame. */
function crop420(raw: Buffer, W: number, H: number, w: number, h: number, format: 'I420' | 'NV12'): Buffer {
  const cw = (w + 1) >> 1;
  const ch = (h + 1) >> 1;
  const CW = (W + 1) >> 1;
  const CH = (H + 1) >> 1;
  const out = Buffer.alloc(w * h + 2 * cw * ch);
  let at = 0;
  for (let y = 0; y < h; y++, at += w) raw.copy(out, at, y * W, y * W + w);
  const planes = format === 'I420' ? [[W * H, CW, cw], [W * H + CW * CH, CW, cw]] : [[W * H, 2 * CW, 2 * cw]];
  for (const [start, stride, width] of planes) {
    for (let y = 0; y < ch; y++, at += width!) raw.copy(out, at, start! + y * stride!, start! + y * stride! + width!);
  }
  return out;
}

describe('4:2:0 → raster conversion', () => {
  it('is byte-identical to the two-stage reference on real frames, in every format, range, matrix and rotation', async () => {
    let frames = 0;
    let differing = 0;
    let checksum = 0;
    for (const [photo, w, h, format] of [
      [SPEED_PHOTOS[0]!, 1280, 720, 'I420'],
      [SPEED_PHOTOS[1]!, 1920, 1080, 'NV12'],
      [SPEED_PHOTOS[1]!, 854, 480, 'I420'],
      [SPEED_PHOTOS[0]!, 1280, 720, 'NV12'],
      [SPEED_PHOTOS[1]!, 1920, 1080, 'I420'],
    ] as const) {
      const raws = realClip({ photo, frames: 2, width: w, height: h, noise: 12, pixFmt: format === 'I420' ? 'yuv420p' : 'nv12' });
      for (const raw of raws) {
        for (const [rotation, matrix, fullRange, pad] of [
          [0, 'bt709', false, 0],
          [90, 'bt470bg', true, 32],
          [180, 'bt2020-ncl', false, 7],
          [270, 'smpte170m', true, 0],
        ] as const) {
          const quarter = rotation % 180 !== 0;
          const raster = quarter ? { width: 360, height: 640 } : { width: 640, height: 360 };
          const got = await yuvToRaster(sample(raw, w, h, format, { rotation, matrix, fullRange, pad }), raster);
          const want = await yuvToRasterReference(sample(raw, w, h, format, { rotation, matrix, fullRange, pad }), raster);
          expect(got).not.toBeNull();
          expect(got!.length).toBe(raster.width * raster.height * 4);
          for (let i = 0; i < got!.length; i++) if (got![i] !== want![i]) differing++;
          for (let i = 0; i < got!.length; i += 997) checksum += got![i]!;
          frames++;
        }
      }
    }
    console.log(`${frames} conversions: ${differing} bytes differ from the reference`);
    expect(differing).toBe(0);
    // the frames are real pictures, not blank: the compared bytes carry content
    expect(checksum / frames).toBeGreaterThan(1000);
  });

  it('reads 1:1, whole 2:1 and 3:1 reductions of odd sizes like the reference (the direct box paths)', async () => {
    let differing = 0;
    let compared = 0;
    for (const format of ['I420', 'NV12'] as const) {
      const [big] = realClip({ photo: SPEED_PHOTOS[0]!, frames: 1, width: 1920, height: 1080, noise: 12, pixFmt: format === 'I420' ? 'yuv420p' : 'nv12' });
      // odd rasters: the last chroma column and row are shared by fewer luma pixels
      for (const [w, h, raster] of [
        [963, 543, { width: 321, height: 181 }],
        [642, 362, { width: 321, height: 181 }],
        [1920, 1077, { width: 640, height: 359 }],
        // 1:1 (the loop's 320×240 clips), and odd sizes whose last chroma column and row cover one luma pixel
        [320, 240, { width: 320, height: 240 }],
        [321, 181, { width: 321, height: 181 }],
      ] as const) {
        const raw = crop420(big!, 1920, 1080, w, h, format);
        for (const [rotation, pad] of [[0, 0], [90, 5], [180, 0], [270, 3]] as const) {
          const r = rotation % 180 !== 0 ? { width: raster.height, height: raster.width } : raster;
          const got = await yuvToRaster(sample(raw, w, h, format, { rotation, pad }), r);
          const want = await yuvToRasterReference(sample(raw, w, h, format, { rotation, pad }), r);
          for (let i = 0; i < want!.length; i++) if (got![i] !== want![i]) differing++;
          compared += want!.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(differing).toBe(0);
  });

  it('converts an I420 sample whose U and V strides differ like the reference (the general path, not an error)', async () => {
    const [raw] = realClip({ photo: SPEED_PHOTOS[0]!, frames: 1, width: 1280, height: 720, noise: 12, pixFmt: 'yuv420p' });
    const opts = { pad: 0, padV: 24 };
    const got = await yuvToRaster(sample(raw!, 1280, 720, 'I420', opts), { width: 640, height: 360 });
    const want = await yuvToRasterReference(sample(raw!, 1280, 720, 'I420', opts), { width: 640, height: 360 });
    expect(got).not.toBeNull();
    expect(Buffer.from(got!.buffer).equals(Buffer.from(want!.buffer))).toBe(true);
  });

  it('declines what it cannot convert exactly, like the reference', async () => {
    const raw = Buffer.alloc(64 * 36 + 2 * 32 * 18, 128);
    expect(await yuvToRaster(sample(raw, 64, 36, 'I420', { matrix: 'rgb' }), { width: 32, height: 18 })).toBeNull();
    expect(await yuvToRaster({ ...sample(raw, 64, 36, 'I420', {}), flip: true }, { width: 32, height: 18 })).toBeNull();
  });
});
