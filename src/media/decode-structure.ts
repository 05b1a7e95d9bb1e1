// The structure of ISO-BMFF files (MP4, MOV, M4A) read from their box headers before Mediabunny opens them, so that
// what the container claims is checked against the bytes there are (docs/extraction.md "Damaged files"):
// - a file cut short is told from one whose index is damaged, and one cut inside its media data is still analysed;
// - every track is listed, and a damaged one (sample table promising more samples than the file can hold, timescale
//   0, garbage codec configuration, absurd picture size, boxes nested without end) is named with a specific code and
//   hidden from Mediabunny (its `trak` renamed `free`), so that the other tracks are analysed and no demuxer loop
//   runs over a table of two billion samples;
// - an edit list pointing outside its media is dropped (its `elst` renamed `free`) with a warning.
import type { AnalysisErrorCode, AnalysisWarningCode } from '../core/report/analysis.ts';

const PRINTABLE = /^[\x20-\x7e]{4}$/;
/** Boxes Mediabunny and we descend into; their children must tile them. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'udta']);
/** Deepest container nesting accepted inside moov (a well-formed file needs 5: moov/trak/mdia/minf/stbl). */
export const MAX_BOX_DEPTH = 12;
/** Largest index (moov) read into memory; a bigger one is refused as too_large. */
export const MAX_MOOV_BYTES = 256 * 1024 * 1024;
/** Largest coded picture side accepted (H.264 level 6.2 and every browser decoder stay below it). */
export const MAX_PICTURE_SIDE = 16384;
/** Bytes read at a time while walking top-level boxes (thousands of small boxes cost one read per chunk). */
const CHUNK = 64 * 1024;

/** A problem of the whole file or of one track: a specific code and a sentence. */
export interface StructureProblem {
  code: AnalysisErrorCode & AnalysisWarningCode;
  message: string;
}

/** One `trak` as the index describes it. */
export interface ScannedTrack {
  id: number;
  /** From the handler: `vide` → video, `soun` → audio. */
  type: 'video' | 'audio' | 'other';
  /** Four-character code of the first sample entry (avc1, mp4a, hvc1…), or null when unreadable. */
  entry: string | null;
  /** Why the track cannot be analysed (it is then hidden from the demuxer), or null. */
  problem: StructureProblem | null;
  /** Samples the time table (stts) promises, when readable. */
  samples: number | null;
  /** Presentation size from the track header (tkhd, 16.16 fixed point), when readable: kept for a track that cannot be analysed. */
  width: number | null;
  height: number | null;
  /** Media duration (mdhd duration / timescale), when readable. */
  duration_s: number | null;
}

/** What the structure check found. */
export interface StructureReport {
  /** The file cannot be analysed at all (no index, index damaged or cut). */
  fatal: StructureProblem | null;
  tracks: ScannedTrack[];
  /** Warnings for what is still analysed (media data cut short, edit list dropped). */
  warnings: { code: AnalysisWarningCode; message: string }[];
  /** Byte offsets of box types to rename to `free` before demuxing (damaged tracks, dropped edit lists). */
  hide: number[];
}

interface Box {
  offset: number;
  size: number;
  header: number;
  type: string;
}

/** Checks the file's boxes; null when it is not ISO-BMFF (WebM, MP3, WAV… are left to Mediabunny). */
export async function checkIsoStructure(blob: Blob): Promise<StructureReport | null> {
  const top = await topLevelBoxes(blob);
  if (!top || top[0]?.type !== 'ftyp') return null;
  const out: StructureReport = { fatal: null, tracks: [], warnings: [], hide: [] };
  let moov: Box | null = null;
  for (const b of top) {
    if (!PRINTABLE.test(b.type) || b.size < b.header) {
      // damage after the index leaves the index readable: the media data is what is missing
      if (moov) {
        out.warnings.push({ code: 'truncated', message: `the file is damaged from byte ${b.offset} on (a box header there is not valid)` });
        break;
      }
      out.fatal = { code: 'corrupt', message: `a top-level box at byte ${b.offset} has a damaged header` };
      return out;
    }
    if (b.offset + b.size > blob.size) {
      // a box running past the end is the file's last: without an index before it nothing can be read
      if (b.type === 'moov' || !moov) {
        out.fatal = { code: 'truncated', message: `the file ends at byte ${blob.size} inside its '${b.type}' box, which needs ${b.offset + b.size} bytes${b.type === 'moov' ? '' : ', and it has no index (moov box) before that'}` };
        return out;
      }
      out.warnings.push({ code: 'truncated', message: `the file ends at byte ${blob.size} inside its '${b.type}' box, which needs ${b.offset + b.size} bytes: it was cut short` });
    }
    if (b.type === 'moov' && !moov) moov = b;
  }
  if (!moov) {
    out.fatal = { code: 'truncated', message: 'the file has no index (moov box): it was cut before it' };
    return out;
  }
  if (moov.size > MAX_MOOV_BYTES) {
    out.fatal = { code: 'too_large', message: `the index (moov) is ${moov.size} bytes, over the ${MAX_MOOV_BYTES}-byte limit` };
    return out;
  }
  const bytes = new Uint8Array(await blob.slice(moov.offset, moov.offset + moov.size).arrayBuffer());
  scanMoov(bytes, moov.offset, moov.header, blob.size, out);
  return out;
}

/** Renames the boxes at `offsets` to `free` (same size), in a new Blob that shares the rest of the bytes. */
export function hideBoxes(blob: Blob, offsets: readonly number[]): Blob {
  if (offsets.length === 0) return blob;
  const parts: BlobPart[] = [];
  let at = 0;
  for (const o of [...offsets].sort((a, b) => a - b)) {
    parts.push(blob.slice(at, o + 4), new TextEncoder().encode('free'));
    at = o + 8;
  }
  parts.push(blob.slice(at));
  return new Blob(parts);
}

async function topLevelBoxes(blob: Blob): Promise<Box[] | null> {
  const out: Box[] = [];
  let off = 0;
  let chunkStart = 0;
  let chunk = new Uint8Array(0);
  // each box is at least 8 bytes, so the loop ends within blob.size / 8 steps
  while (off + 8 <= blob.size) {
    if (off < chunkStart || off + 16 > chunkStart + chunk.length) {
      chunkStart = off;
      chunk = new Uint8Array(await blob.slice(off, off + CHUNK).arrayBuffer());
    }
    const p = off - chunkStart;
    let size = u32(chunk, p);
    const type = ascii(chunk, p + 4);
    let header = 8;
    if (size === 1 && p + 16 <= chunk.length) {
      size = u32(chunk, p + 8) * 2 ** 32 + u32(chunk, p + 12);
      header = 16;
    } else if (size === 0) size = blob.size - off; // to the end of the file
    out.push({ offset: off, size, header, type });
    if (size < header || !PRINTABLE.test(type)) break;
    off += size;
  }
  return out.length ? out : null;
}

/** Children of the box payload [start, end) of `b`; null when they do not tile it. */
function children(b: Uint8Array, start: number, end: number): Box[] | null {
  const out: Box[] = [];
  let p = start;
  while (p + 8 <= end) {
    let size = u32(b, p);
    let header = 8;
    if (size === 1) {
      if (p + 16 > end) return null;
      size = u32(b, p + 8) * 2 ** 32 + u32(b, p + 12);
      header = 16;
    } else if (size === 0) size = end - p;
    const type = ascii(b, p + 4);
    if (!PRINTABLE.test(type) || size < header || p + size > end) return null;
    out.push({ offset: p, size, header, type });
    p += size;
  }
  // a few trailing bytes (< 8) are tolerated, as players do
  return out;
}

function scanMoov(b: Uint8Array, base: number, header: number, fileBytes: number, out: StructureReport): void {
  const kids = children(b, header, b.length);
  if (!kids) {
    out.fatal = { code: 'corrupt', message: `the index (moov) is damaged: its boxes do not fit inside it (at byte ${base})` };
    return;
  }
  const mvhd = kids.find((k) => k.type === 'mvhd');
  if (mvhd && b[mvhd.offset + mvhd.header]! > 1) {
    out.fatal = { code: 'corrupt', message: `the movie header (mvhd) has version ${b[mvhd.offset + mvhd.header]}` };
    return;
  }
  const movieScale = mvhd ? readMvhdTimescale(b, mvhd) : null;
  for (const k of kids) {
    if (k.type !== 'trak') {
      if (CONTAINERS.has(k.type) && tooDeep(b, k, 1)) out.hide.push(base + k.offset);
      continue;
    }
    const track = scanTrak(b, k, base, fileBytes, movieScale, out);
    out.tracks.push(track);
    if (track.problem) out.hide.push(base + k.offset);
  }
  if (out.tracks.length > 0 && out.tracks.every((t) => t.problem)) {
    const first = out.tracks[0]!.problem!;
    out.fatal = { code: first.code, message: out.tracks.length === 1 ? first.message : `no track can be analysed; ${out.tracks.map((t) => `track ${t.id}: ${t.problem!.message}`).join('; ')}` };
  }
}

/** True when a container nests containers deeper than MAX_BOX_DEPTH (Mediabunny recurses once per level). */
function tooDeep(b: Uint8Array, box: Box, depth: number): boolean {
  const stack: [Box, number][] = [[box, depth]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > MAX_BOX_DEPTH) return true;
    const kids = children(b, x.offset + x.header, x.offset + x.size);
    if (!kids) continue;
    for (const k of kids) if (CONTAINERS.has(k.type)) stack.push([k, d + 1]);
  }
  return false;
}

function scanTrak(b: Uint8Array, trak: Box, base: number, fileBytes: number, movieScale: number | null, out: StructureReport): ScannedTrack {
  const t: ScannedTrack = { id: 0, type: 'other', entry: null, problem: null, samples: null, width: null, height: null, duration_s: null };
  const fail = (code: StructureProblem['code'], message: string): ScannedTrack => {
    t.problem = { code, message: `track ${t.id || '?'}: ${message}` };
    return t;
  };
  const find = (parent: Box | undefined, type: string): Box | undefined => (parent ? (children(b, parent.offset + parent.header, parent.offset + parent.size) ?? []).find((k) => k.type === type) : undefined);
  const tk = children(b, trak.offset + trak.header, trak.offset + trak.size);
  const tkhd = tk?.find((k) => k.type === 'tkhd');
  if (tkhd && tkhd.size >= tkhd.header + 24) t.id = u32(b, tkhd.offset + tkhd.header + (b[tkhd.offset + tkhd.header] === 1 ? 20 : 12));
  if (tkhd) {
    // width and height follow the matrix: byte 76 of a version-0 header, 88 of a version-1 one (ISO/IEC 14496-12 §8.3.2)
    const at = tkhd.offset + tkhd.header + (b[tkhd.offset + tkhd.header] === 1 ? 88 : 76);
    if (at + 8 <= tkhd.offset + tkhd.size) {
      t.width = Math.round(u32(b, at) / 65536);
      t.height = Math.round(u32(b, at + 4) / 65536);
    }
  }
  if (tooDeep(b, trak, 1)) return fail('corrupt', `its boxes are nested more than ${MAX_BOX_DEPTH} levels deep`);
  if (tkhd && b[tkhd.offset + tkhd.header]! > 1) return fail('corrupt', `its track header (tkhd) has version ${b[tkhd.offset + tkhd.header]}`);
  const mdia = tk?.find((k) => k.type === 'mdia');
  const hdlr = find(mdia, 'hdlr');
  if (hdlr && hdlr.size >= hdlr.header + 12) {
    const h = ascii(b, hdlr.offset + hdlr.header + 8);
    t.type = h === 'vide' ? 'video' : h === 'soun' ? 'audio' : 'other';
  }
  if (!tk || !mdia) return fail('corrupt', 'its track boxes are damaged');
  const mdhd = find(mdia, 'mdhd');
  const minf = find(mdia, 'minf');
  const stbl = find(minf, 'stbl');
  if (!mdhd || !minf || !stbl || !children(b, minf.offset + minf.header, minf.offset + minf.size)) {
    return fail('corrupt_sample_table', 'its media boxes (mdhd, minf, stbl) are missing or damaged');
  }
  const stblKids = children(b, stbl.offset + stbl.header, stbl.offset + stbl.size);
  if (!stblKids) return fail('corrupt_sample_table', 'its sample table (stbl) is damaged: its boxes do not fit inside it');
  const mv = b[mdhd.offset + mdhd.header]!;
  if (mv > 1) return fail('corrupt', `its media header (mdhd) has version ${mv}`);
  const mp = mdhd.offset + mdhd.header + 4 + (mv === 1 ? 16 : 8);
  if (mp + (mv === 1 ? 12 : 8) > mdhd.offset + mdhd.size) return fail('corrupt', 'its media header (mdhd) is cut short');
  const timescale = u32(b, mp);
  const mediaDuration = mv === 1 ? u32(b, mp + 4) * 2 ** 32 + u32(b, mp + 8) : u32(b, mp + 4);
  const box = (type: string) => stblKids.find((k) => k.type === type);
  const payload = (x: Box) => [x.offset + x.header, x.offset + x.size] as const;

  // stsd: one sample entry at least, its count within the box
  const stsd = box('stsd');
  if (!stsd) return fail('corrupt_sample_table', 'its sample table has no sample description (stsd)');
  {
    const [s, e] = payload(stsd);
    const count = e - s >= 8 ? u32(b, s + 4) : 0;
    if (count === 0 || count > (e - s - 8) / 8) return fail('corrupt_sample_table', `its sample description (stsd) claims ${count} entries in ${e - s} bytes`);
    const entries = children(b, s + 8, e);
    const first = entries?.[0];
    if (!first) return fail('corrupt_sample_table', 'its sample description (stsd) is damaged');
    t.entry = first.type;
    const problem = checkSampleEntry(b, first, t.type);
    if (problem) return fail(problem.code, problem.message);
  }
  // after the sample entry, so a track with no time still names its codec
  if (timescale === 0) return fail('bad_timescale', 'its media timescale is 0 (no time can be computed)');
  t.duration_s = mediaDuration / timescale;
  // stsz / stz2: how many samples the file holds, each at least 1 byte of the file
  const stsz = box('stsz');
  let sizeCount: number | null = null;
  if (stsz) {
    const [s, e] = payload(stsz);
    if (e - s < 12) return fail('corrupt_sample_table', 'its sample size table (stsz) is cut short');
    const one = u32(b, s + 4);
    sizeCount = u32(b, s + 8);
    if (one === 0 && sizeCount > (e - s - 12) / 4) return fail('corrupt_sample_table', `its sample size table (stsz) claims ${sizeCount} samples but holds room for ${Math.floor((e - s - 12) / 4)}`);
    if (one > 0 && one * sizeCount > fileBytes) return fail('corrupt_sample_table', `its sample size table (stsz) claims ${sizeCount} samples of ${one} bytes, more than the file's ${fileBytes} bytes`);
  }
  // stts: the entries fit, and the samples they time are samples the size table holds
  const stts = box('stts');
  if (stts) {
    const [s, e] = payload(stts);
    const n = e - s >= 8 ? u32(b, s + 4) : Infinity;
    if (n > (e - s - 8) / 8) return fail('corrupt_sample_table', `its time-to-sample table (stts) claims ${n} entries in ${e - s} bytes`);
    let total = 0;
    for (let i = 0; i < n; i++) total += u32(b, s + 8 + 8 * i);
    t.samples = total;
    const cap = sizeCount ?? Math.floor(fileBytes);
    if (total > cap) return fail('corrupt_sample_table', `its time-to-sample table (stts) promises ${total} samples but the ${sizeCount !== null ? 'sample size table holds' : 'file can hold at most'} ${cap}`);
  }
  // stsc, stco/co64: entry counts within their boxes
  for (const [type, width] of [['stsc', 12], ['stco', 4], ['co64', 8], ['stss', 4], ['ctts', 8]] as const) {
    const x = box(type);
    if (!x) continue;
    const [s, e] = payload(x);
    const n = e - s >= 8 ? u32(b, s + 4) : Infinity;
    if (n > (e - s - 8) / width) return fail('corrupt_sample_table', `its '${type}' table claims ${n} entries in ${e - s} bytes`);
  }
  if ((sizeCount ?? 0) > 0 && !box('stco') && !box('co64')) return fail('corrupt_sample_table', 'its sample table has no chunk offsets (stco/co64)');
  const stscProblem = checkStsc(b, box('stsc'), box('stco') ?? box('co64'), box('stsd'), sizeCount);
  if (stscProblem) return fail('corrupt_sample_table', stscProblem);
  // chunk offsets past the end of the file: the file was cut inside this track's data (analysed as far as it goes)
  const stco = box('stco') ?? box('co64');
  if (stco) {
    const [s] = payload(stco);
    const n = u32(b, s + 4);
    const wide = stco.type === 'co64';
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const off = wide ? u32(b, s + 8 + 8 * i) * 2 ** 32 + u32(b, s + 12 + 8 * i) : u32(b, s + 8 + 4 * i);
      if (off >= fileBytes) beyond++;
    }
    if (beyond === n && n > 0) return fail('truncated', `all ${n} of its data chunks lie past the end of the file (${fileBytes} bytes)`);
  }
  // edit list: a media time outside the media, or an empty edit longer than any file, is dropped with a warning
  const edts = tk.find((k) => k.type === 'edts');
  const elst = find(edts, 'elst');
  if (elst) {
    const bad = badEditList(b, elst, mediaDuration, timescale, movieScale);
    if (bad) {
      out.hide.push(base + elst.offset);
      out.warnings.push({ code: 'bad_edit_list', message: `track ${t.id}: ${bad}; the edit list was ignored` });
    }
  }
  return t;
}

/**
 * Why the sample-to-chunk table (stsc) cannot map the file's samples onto its chunks, or null: first chunks must
 * start at 1 and rise within the chunk count, each run holds at least one sample of a listed description, and the
 * runs must hold at least the samples the size table lists (the demuxer asserts all of this).
 */
function checkStsc(b: Uint8Array, stsc: Box | undefined, stco: Box | undefined, stsd: Box | undefined, samples: number | null): string | null {
  if (!stsc || !stco || !stsd) return null;
  const s = stsc.offset + stsc.header;
  const n = u32(b, s + 4);
  const chunks = u32(b, stco.offset + stco.header + 4);
  const descriptions = u32(b, stsd.offset + stsd.header + 4);
  if (n === 0) return (samples ?? 0) > 0 ? 'its sample-to-chunk table (stsc) is empty' : null;
  let held = 0;
  for (let i = 0; i < n; i++) {
    const first = u32(b, s + 8 + 12 * i);
    const per = u32(b, s + 12 + 12 * i);
    const desc = u32(b, s + 16 + 12 * i);
    const next = i + 1 < n ? u32(b, s + 8 + 12 * (i + 1)) : chunks + 1;
    if (first < 1 || (i === 0 && first !== 1) || next <= first || first > chunks) return `its sample-to-chunk table (stsc) entry ${i} starts at chunk ${first} (of ${chunks})`;
    if (per === 0 || desc < 1 || desc > descriptions) return `its sample-to-chunk table (stsc) entry ${i} gives ${per} samples of description ${desc}`;
    held += (Math.min(next, chunks + 1) - first) * per;
  }
  if (samples !== null && held < samples) return `its chunks hold ${held} samples but the size table lists ${samples}`;
  return null;
}

/** Why the edit list cannot be right, or null. Media times are in the media timescale, durations in the movie's. */
function badEditList(b: Uint8Array, elst: Box, mediaDuration: number, timescale: number, movieScale: number | null): string | null {
  const s = elst.offset + elst.header;
  const e = elst.offset + elst.size;
  if (e - s < 8) return 'its edit list (elst) is cut short';
  const v = b[s];
  const n = u32(b, s + 4);
  const w = v === 1 ? 20 : 12;
  if (n > (e - s - 8) / w) return `its edit list (elst) claims ${n} entries in ${e - s} bytes`;
  for (let i = 0; i < n; i++) {
    const p = s + 8 + w * i;
    const segment = v === 1 ? u32(b, p) * 2 ** 32 + u32(b, p + 4) : u32(b, p);
    const hi = v === 1 ? u32(b, p + 8) : 0;
    const lo = v === 1 ? u32(b, p + 12) : u32(b, p + 4);
    const mediaTime = v === 1 ? (hi | 0) * 2 ** 32 + lo : lo | 0;
    if (mediaTime === -1) {
      // an empty edit (a delay) longer than a day is no delay a file means
      if (movieScale && segment / movieScale > 86_400) return `an empty edit delays the track by ${Math.round(segment / movieScale)} s`;
      continue;
    }
    if (mediaTime < 0) return `an edit starts at media time ${mediaTime}`;
    if (mediaDuration > 0 && mediaTime > mediaDuration) {
      return `an edit starts at ${(mediaTime / timescale).toFixed(3)} s, past the end of the track's ${(mediaDuration / timescale).toFixed(3)} s of media`;
    }
  }
  return null;
}

/** Problems of the first sample entry that make its decoder fail or hang: picture size, avcC, esds. */
function checkSampleEntry(b: Uint8Array, entry: Box, type: ScannedTrack['type']): StructureProblem | null {
  const s = entry.offset + entry.header;
  const e = entry.offset + entry.size;
  if (type === 'video') {
    if (e - s < 78) return { code: 'corrupt_sample_table', message: `its '${entry.type}' sample entry is cut short` };
    const w = u16(b, s + 24);
    const h = u16(b, s + 26);
    if (w === 0 || h === 0) return { code: 'corrupt_sample_table', message: `its '${entry.type}' sample entry gives a ${w}×${h} picture` };
    if (w > MAX_PICTURE_SIDE || h > MAX_PICTURE_SIDE) return { code: 'too_large', message: `its picture is ${w}×${h}, over the ${MAX_PICTURE_SIDE}-pixel side no decoder accepts` };
    const kids = children(b, s + 78, e);
    const avcC = kids?.find((k) => k.type === 'avcC');
    if ((entry.type === 'avc1' || entry.type === 'avc3') && (!avcC || !validAvcC(b, avcC.offset + avcC.header, avcC.offset + avcC.size))) {
      return { code: 'bad_codec_config', message: `its H.264 configuration (avcC) is ${avcC ? 'damaged' : 'missing'}` };
    }
  } else if (type === 'audio' && entry.type === 'mp4a') {
    if (e - s < 28) return { code: 'corrupt_sample_table', message: "its 'mp4a' sample entry is cut short" };
    const version = u16(b, s + 8);
    const at = s + 28 + (version === 1 ? 16 : version === 2 ? 36 : 0);
    const kids = at <= e ? children(b, at, e) : null;
    const wave = kids?.find((k) => k.type === 'wave');
    const esds = kids?.find((k) => k.type === 'esds') ?? (wave ? children(b, wave.offset + wave.header, wave.offset + wave.size)?.find((k) => k.type === 'esds') : undefined);
    if (esds && !validEsds(b, esds.offset + esds.header, esds.offset + esds.size)) {
      return { code: 'bad_codec_config', message: 'its AAC configuration (esds) is damaged' };
    }
  }
  return null;
}

/** An AVCDecoderConfigurationRecord whose parameter sets fit and start with SPS/PPS NAL units. */
function validAvcC(b: Uint8Array, s: number, e: number): boolean {
  if (e - s < 7 || b[s] !== 1) return false;
  let p = s + 5;
  const sps = b[p]! & 0x1f;
  p++;
  if (sps === 0) return false;
  for (let i = 0; i < sps; i++) {
    if (p + 2 > e) return false;
    const n = u16(b, p);
    if (n < 4 || p + 2 + n > e || (b[p + 2]! & 0x1f) !== 7) return false;
    p += 2 + n;
  }
  if (p + 1 > e) return false;
  const pps = b[p]!;
  p++;
  for (let i = 0; i < pps; i++) {
    if (p + 2 > e) return false;
    const n = u16(b, p);
    if (n < 1 || p + 2 + n > e || (b[p + 2]! & 0x1f) !== 8) return false;
    p += 2 + n;
  }
  return true;
}

/** An ES descriptor holding a decoder config descriptor whose lengths fit the box (ISO/IEC 14496-1). */
function validEsds(b: Uint8Array, s: number, e: number): boolean {
  let p = s + 4; // version and flags
  const descriptor = (tag: number): [number, number] | null => {
    if (p >= e || b[p] !== tag) return null;
    p++;
    let len = 0;
    for (let k = 0; k < 4; k++) {
      if (p >= e) return null;
      const x = b[p++]!;
      len = (len << 7) | (x & 0x7f);
      if (!(x & 0x80)) break;
    }
    if (p + len > e) return null;
    return [p, p + len];
  };
  const es = descriptor(0x03);
  if (!es) return false;
  const flags = b[p + 2]!;
  p += 3;
  if (flags & 0x80) p += 2;
  if (flags & 0x40) p += 1 + (b[p] ?? 0);
  if (flags & 0x20) p += 2;
  const dc = descriptor(0x04);
  if (!dc) return false;
  p = dc[0] + 13;
  if (p > dc[1]) return false;
  if (p < dc[1]) {
    const dsi = descriptor(0x05);
    if (!dsi || dsi[1] > dc[1]) return false;
  }
  return true;
}

function readMvhdTimescale(b: Uint8Array, mvhd: Box): number | null {
  const s = mvhd.offset + mvhd.header;
  const at = s + 4 + (b[s] === 1 ? 16 : 8);
  return at + 4 <= mvhd.offset + mvhd.size ? u32(b, at) || null : null;
}

function u16(b: Uint8Array, p: number): number {
  return ((b[p] ?? 0) << 8) + (b[p + 1] ?? 0);
}

function u32(b: Uint8Array, p: number): number {
  return (((b[p] ?? 0) << 24) >>> 0) + ((b[p + 1] ?? 0) << 16) + ((b[p + 2] ?? 0) << 8) + (b[p + 3] ?? 0);
}

function ascii(b: Uint8Array, p: number): string {
  return String.fromCharCode(b[p] ?? 0, b[p + 1] ?? 0, b[p + 2] ?? 0, b[p + 3] ?? 0);
}
