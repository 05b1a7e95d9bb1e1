// Decoding real fixtures for the Node tests: ffmpeg (a tool not ours) to mono float PCM.
import { execFileSync } from 'node:child_process';

/** The file's audio as ffmpeg decodes it, downmixed to mono (`-ac 1`) at `sampleRate`. */
export function decodeMono(path: string, sampleRate: number): Float32Array {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(sampleRate), '-'], { maxBuffer: 1 << 28 });
  const bytes = Uint8Array.from(out);
  return new Float32Array(bytes.buffer, 0, bytes.length >> 2);
}
