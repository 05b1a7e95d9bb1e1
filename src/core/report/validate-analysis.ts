// The validator of the mp4-analysis/1 shape (FOUNDATION §7): a list of path-precise problems, empty when the result
// is one the analyser may give — finite, non-negative times and durations, frames in order, windows inside the
// frames, a picture measured in full or not at all, known error and warning codes.
import { ANALYSIS_ERROR_CODES, ANALYSIS_SCHEMA, ANALYSIS_WARNING_CODES } from './analysis.ts';

/** Every problem of `x` as an mp4-analysis/1 result, as "path: what is wrong"; [] when it is valid. */
export function validateAnalysis(x: unknown): string[] {
  const out: string[] = [];
  const bad = (path: string, what: string) => out.push(`${path}: ${what}`);
  const time = (v: unknown, path: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(path, `must be a finite number ≥ 0, got ${String(v)}`);
  };
  const count = (v: unknown, path: string, min = 0) => {
    if (!Number.isInteger(v) || (v as number) < min) bad(path, `must be an integer ≥ ${min}, got ${String(v)}`);
  };
  if (!isObject(x)) return ['$: must be an object'];
  if (x.schema !== ANALYSIS_SCHEMA) bad('schema', `must be "${ANALYSIS_SCHEMA}"`);
  const file = x.file;
  if (!isObject(file)) bad('file', 'must be an object');
  else {
    if (typeof file.name !== 'string') bad('file.name', 'must be a string');
    count(file.bytes, 'file.bytes');
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) bad('file.sha256', 'must be 64 hex digits');
  }
  if ('error' in x) {
    const e = x.error;
    if (!isObject(e) || !(ANALYSIS_ERROR_CODES as readonly unknown[]).includes(e.code) || typeof e.message !== 'string') bad('error', 'must be {code, message} with a known code');
    const extra = Object.keys(x).filter((k) => !['schema', 'file', 'error'].includes(k));
    if (extra.length) bad('$', `an error result has nothing but schema, file and error (also: ${extra.join(', ')})`);
    return out;
  }
  const c = x.container;
  if (!isObject(c) || !Array.isArray(c.tracks)) bad('container', 'must be {brand, duration_s, tracks[]}');
  else time(c.duration_s, 'container.duration_s');
  const v = x.video;
  if (v !== null) {
    if (!isObject(v)) bad('video', 'must be an object or null');
    else {
      count(v.width, 'video.width', 1);
      count(v.height, 'video.height', 1);
      time(v.fps, 'video.fps');
      count(v.frame_count, 'video.frame_count');
      time(v.duration_s, 'video.duration_s');
      if (![0, 90, 180, 270].includes(v.rotation as number)) bad('video.rotation', 'must be 0, 90, 180 or 270');
      const pa = v.pixel_aspect;
      if (!Array.isArray(pa) || pa.length !== 2 || !pa.every((n) => Number.isInteger(n) && n > 0)) bad('video.pixel_aspect', 'must be [h, v], positive integers');
      if (typeof v.decodable !== 'boolean') bad('video.decodable', 'must be a boolean');
    }
  }
  const a = x.audio;
  if (a !== null) {
    if (!isObject(a)) bad('audio', 'must be an object or null');
    else {
      count(a.sample_rate, 'audio.sample_rate', 1);
      count(a.channels, 'audio.channels', 1);
      time(a.duration_s, 'audio.duration_s');
      if (typeof a.decodable !== 'boolean') bad('audio.decodable', 'must be a boolean');
    }
  }
  const frames = Array.isArray(x.frames) ? x.frames : (bad('frames', 'must be an array'), []);
  let lastT = -Infinity;
  frames.forEach((f: unknown, i: number) => {
    const p = `frames[${i}]`;
    if (!isObject(f)) return bad(p, 'must be an object');
    if (f.index !== i) bad(`${p}.index`, `must be ${i}`);
    time(f.t, `${p}.t`);
    if (typeof f.t === 'number' && f.t < lastT) bad(`${p}.t`, 'must not go back in time');
    lastT = typeof f.t === 'number' ? f.t : lastT;
    if (!Array.isArray(f.colors)) bad(`${p}.colors`, 'must be an array');
    if ((f.luma === null) !== (f.depth === null)) bad(p, 'luma and depth are measured together or not at all');
    if (f.luma === null && Array.isArray(f.colors) && f.colors.length) bad(`${p}.colors`, 'must be empty for an audio frame');
    if (isObject(f.sound) && !Number.isFinite(f.sound.rms_db)) bad(`${p}.sound.rms_db`, 'must be finite');
  });
  const windows = Array.isArray(x.windows) ? x.windows : (bad('windows', 'must be an array'), []);
  windows.forEach((w: unknown, k: number) => {
    const p = `windows[${k}]`;
    if (!isObject(w)) return bad(p, 'must be an object');
    count(w.start_frame, `${p}.start_frame`);
    count(w.end_frame, `${p}.end_frame`);
    if ((w.end_frame as number) < (w.start_frame as number) || (w.end_frame as number) >= frames.length) bad(p, `frames ${String(w.start_frame)}–${String(w.end_frame)} are not frames of the report`);
    time(w.t0, `${p}.t0`);
    time(w.t1, `${p}.t1`);
    if ((w.t1 as number) < (w.t0 as number)) bad(p, 't1 before t0');
    const picture = ['motion', 'camera', 'gradient', 'lighting', 'color'].map((key) => w[key] === null);
    if (picture.some((n) => n) && !picture.every((n) => n)) bad(p, 'the picture is measured in full or not at all');
  });
  if (!Array.isArray(x.warnings)) bad('warnings', 'must be an array');
  else {
    x.warnings.forEach((w: unknown, k: number) => {
      if (!isObject(w) || !(ANALYSIS_WARNING_CODES as readonly unknown[]).includes(w.code) || typeof w.message !== 'string') bad(`warnings[${k}]`, 'must be {code, message} with a known code');
    });
  }
  const tempo = x.tempo;
  if (isObject(tempo) && tempo.bpm !== null && !(typeof tempo.bpm === 'number' && Number.isFinite(tempo.bpm) && tempo.bpm > 0)) bad('tempo.bpm', 'must be a positive number or null');
  return out;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
