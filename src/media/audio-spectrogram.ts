// The spectrogram of a media file's audio, for display: decoded with Mediabunny (so it runs in the analysis worker,
// off the UI thread, and reads the file in pieces), mixed to mono, then src/core/audio/spectrogram.ts.
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input } from 'mediabunny';
import { spectrogram, type Spectrogram } from '../core/audio/spectrogram.ts';

/** At most this many columns (about 30 a second otherwise), so a long file stays a short computation. */
export const MAX_SPECTROGRAM_COLUMNS = 1500;

/** The file's first audio track as a spectrogram (≤ MAX_SPECTROGRAM_COLUMNS columns), or null when it has none this browser decodes. */
export async function spectrogramOfBlob(blob: Blob): Promise<Spectrogram | null> {
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack().catch(() => null);
    if (!track || track.codec === null || !(await track.canDecode())) return null;
    const rate = track.sampleRate;
    // Samples are placed by timestamp: encoder priming (before 0) is dropped, and the end is the track's duration
    // as its edit list says (an AAC stream's last packet runs past it), as decodeAudioData would give.
    const total = Math.max(0, Math.round((await track.computeDuration()) * rate));
    if (total === 0) return null;
    const pcm = new Float32Array(total);
    let plane = new Float32Array(0);
    let n = 0;
    for await (const sample of new AudioSampleSink(track).samples()) {
      try {
        const frames = sample.numberOfFrames;
        const ch = sample.numberOfChannels;
        const g0 = Math.round(sample.timestamp * rate);
        const from = Math.max(0, -g0);
        const to = Math.min(frames, total - g0);
        if (to <= from) continue;
        if (plane.length < frames) plane = new Float32Array(frames);
        for (let c = 0; c < ch; c++) {
          sample.copyTo(plane, { planeIndex: c, format: 'f32-planar', frameOffset: 0, frameCount: frames });
          for (let k = from; k < to; k++) pcm[g0 + k]! += plane[k]! / ch;
        }
        n = Math.max(n, g0 + to);
      } finally {
        sample.close();
      }
    }
    if (n === 0) return null;
    const columns = Math.max(1, Math.min(MAX_SPECTROGRAM_COLUMNS, Math.ceil((n / rate) * 30)));
    return spectrogram(pcm.subarray(0, n), rate, { columns });
  } catch {
    return null; // audio this browser cannot decode reads as none: the rest of the report stands
  } finally {
    input.dispose();
  }
}
