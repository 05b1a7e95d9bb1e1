// Small pictures of chosen frames of a media file, for the Analyze view's thumbnail strip: decoded with Mediabunny's
// CanvasSink (in the analysis worker, off the UI thread; rotation and pixel aspect applied as displayed) and encoded
// as JPEG so they are a few kilobytes each and can be kept with the analysis.
import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';

/** Longest side of a thumbnail in pixels (CSS shows them at about half for sharpness on 2× screens). */
export const THUMBNAIL_MAX_SIDE = 192;

/** One decoded picture: when (seconds from the start of the video track, as the report's frame times), and the JPEG. */
export interface Thumbnail {
  t: number;
  width: number;
  height: number;
  image: Blob;
}

/**
 * The frames shown at `times` (seconds from the video track's first frame), each as a JPEG at most `maxSide` pixels on
 * its longest side. A time whose frame cannot be decoded is left out; a file without decodable video gives [].
 */
export async function thumbnailsOfBlob(blob: Blob, times: readonly number[], maxSide = THUMBNAIL_MAX_SIDE): Promise<Thumbnail[]> {
  if (times.length === 0) return [];
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack().catch(() => null);
    if (!track || track.codec === null || !(await track.canDecode())) return [];
    const w = track.displayWidth;
    const h = track.displayHeight;
    const s = Math.min(1, maxSide / Math.max(w, h));
    const width = Math.max(2, Math.round(w * s));
    const height = Math.max(2, Math.round(h * s));
    // the report's times count from the first frame (analyze-file.ts subtracts the track's start)
    const origin = await track.getFirstTimestamp();
    const sink = new CanvasSink(track, { width, height, fit: 'fill', poolSize: 0 });
    const out: Thumbnail[] = [];
    let k = 0;
    for await (const wrapped of sink.canvasesAtTimestamps(times.map((t) => origin + t))) {
      const t = times[k++]!;
      if (!wrapped) continue;
      const canvas = wrapped.canvas;
      const image = 'convertToBlob' in canvas
        ? await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
        : await new Promise<Blob>((resolve, reject) => canvas.toBlob((b: Blob | null) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), 'image/jpeg', 0.8));
      out.push({ t, width, height, image });
    }
    return out;
  } catch {
    return []; // a file that decoded for the report but not here shows no pictures; the report stands
  } finally {
    input.dispose();
  }
}
