// One small picture of a clip (its middle frame), for lists of jobs: decoded with Mediabunny's CanvasSink in the
// page (one frame, so no worker), encoded as JPEG.
import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';

/** The middle frame of an MP4, `width` pixels wide, as a JPEG Blob; null when the clip has no decodable video. */
export async function clipThumbnail(mp4: Blob, width = 96): Promise<Blob | null> {
  const input = new Input({ source: new BlobSource(mp4), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track || !(await track.canDecode())) return null;
    const [start, end] = [await track.getFirstTimestamp(), await track.computeDuration()];
    const sink = new CanvasSink(track, { width: Math.max(8, Math.round(width)) });
    const frame = await sink.getCanvas(start + (end - start) / 2);
    if (!frame) return null;
    const c = frame.canvas;
    if (c instanceof OffscreenCanvas) return await c.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return await new Promise<Blob | null>((done) => c.toBlob(done, 'image/jpeg', 0.8));
  } finally {
    input.dispose();
  }
}
