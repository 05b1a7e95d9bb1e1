// The order of a made clip's chunks in its mdat, made a function of the clip alone. Mediabunny (fast start in memory)
// lays chunks out in the order each track's chunk was closed, i.e. in the order the video encoder and the AAC worker
// happened to answer: under load two makes of one spec gave files of one size whose bytes differed (3 of 8 clips of a
// seeded loop). Each track's chunks are the same every time (0.5 s of its own samples), so laying them out by start
// time (then track) and rewriting the chunk offsets gives one file per spec; the samples and the moov's size do not change.

/** A box: its type, where it starts, where its body starts and where it ends (byte offsets in the file). */
interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

function boxesIn(view: DataView, start: number, end: number): Box[] {
  const out: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) throw new TypeError(`mp4: box at ${at} has a 64-bit size past the end`);
      size = Number(view.getBigUint64(at + 8));
      body = at + 16;
    } else if (size === 0) size = end - at;
    if (size < body - at || at + size > end) throw new TypeError(`mp4: box at ${at} (${size} bytes) runs past its parent`);
    const type = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7));
    out.push({ type, start: at, body, end: at + size });
    at += size;
  }
  return out;
}

function child(view: DataView, parent: Box, type: string): Box | undefined {
  return boxesIn(view, parent.body, parent.end).find((b) => b.type === type);
}

/** A chunk of one track: where its bytes are, how many, when its first sample is decoded (s), and where its offset is written. */
interface Chunk {
  track: number;
  offset: number;
  bytes: number;
  startS: number;
  /** Where the chunk's offset is stored in the moov (stco: 4 bytes, co64: 8). */
  entryAt: number;
  wide: boolean;
}

function trackChunks(view: DataView, trak: Box, track: number): Chunk[] {
  const mdia = child(view, trak, 'mdia');
  const mdhd = mdia && child(view, mdia, 'mdhd');
  const minf = mdia && child(view, mdia, 'minf');
  const stbl = minf && child(view, minf, 'stbl');
  if (!mdhd || !stbl) throw new TypeError(`mp4: track ${track} has no mdhd or stbl`);
  const timescale = view.getUint32(mdhd.body + (view.getUint8(mdhd.body) === 1 ? 20 : 12));
  const stts = child(view, stbl, 'stts');
  const stsc = child(view, stbl, 'stsc');
  const stsz = child(view, stbl, 'stsz');
  const stco = child(view, stbl, 'stco') ?? child(view, stbl, 'co64');
  if (!stts || !stsc || !stsz || !stco || !(timescale > 0)) throw new TypeError(`mp4: track ${track} lacks a sample table`);
  const wide = stco.type === 'co64';
  const chunkCount = view.getUint32(stco.body + 4);
  const fixedSize = view.getUint32(stsz.body + 4);
  const sampleCount = view.getUint32(stsz.body + 8);
  const sizeOf = (i: number) => (fixedSize !== 0 ? fixedSize : view.getUint32(stsz.body + 12 + 4 * i));
  // decode times: stts runs of (count, delta)
  const deltas: number[] = [];
  for (let e = 0, n = view.getUint32(stts.body + 4); e < n; e++) {
    const count = view.getUint32(stts.body + 8 + 8 * e);
    const delta = view.getUint32(stts.body + 12 + 8 * e);
    for (let k = 0; k < count; k++) deltas.push(delta);
  }
  // samples per chunk: stsc runs of (first chunk, 1-based; samples per chunk; description)
  const runs: { first: number; perChunk: number }[] = [];
  for (let e = 0, n = view.getUint32(stsc.body + 4); e < n; e++) runs.push({ first: view.getUint32(stsc.body + 8 + 12 * e), perChunk: view.getUint32(stsc.body + 12 + 12 * e) });
  const chunks: Chunk[] = [];
  let sample = 0;
  let dts = 0;
  let run = 0;
  for (let c = 0; c < chunkCount; c++) {
    while (run + 1 < runs.length && (runs[run + 1]?.first ?? Infinity) <= c + 1) run++;
    const perChunk = runs[run]?.perChunk ?? 0;
    const startS = dts / timescale;
    let bytes = 0;
    for (let k = 0; k < perChunk; k++, sample++) {
      if (sample >= sampleCount) throw new TypeError(`mp4: track ${track}'s chunks hold more samples than its stsz`);
      bytes += sizeOf(sample);
      dts += deltas[sample] ?? 0;
    }
    const entryAt = stco.body + 8 + (wide ? 8 : 4) * c;
    const offset = wide ? Number(view.getBigUint64(entryAt)) : view.getUint32(entryAt);
    chunks.push({ track, offset, bytes, startS, entryAt, wide });
  }
  return chunks;
}

/** Where a chunk belongs in the canonical layout: by the decode time of its first sample, then by track. */
export interface ChunkPlace {
  track: number;
  startS: number;
}

/** Chunks by their first sample's decode time, then by track (the layout a made clip gets). */
export const timeOrder = (a: ChunkPlace, b: ChunkPlace): number => a.startS - b.startS || a.track - b.track;

/** `mp4` with its mdat's chunks in time order (ties: track order); see layChunks. */
export function layChunksInTimeOrder(mp4: Uint8Array): Uint8Array {
  return layChunks(mp4, timeOrder);
}

/**
 * `mp4` with its mdat's chunks in the order `compare` gives and its chunk offsets rewritten (`mp4` itself when they are
 * in that order already). Throws TypeError when the chunks do not tile the one mdat (a file this muxer did not write).
 */
export function layChunks(mp4: Uint8Array, compare: (a: ChunkPlace, b: ChunkPlace) => number): Uint8Array {
  const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  const top = boxesIn(view, 0, mp4.byteLength);
  const moov = top.find((b) => b.type === 'moov');
  const mdats = top.filter((b) => b.type === 'mdat');
  const mdat = mdats[0];
  if (!moov || !mdat || mdats.length !== 1) throw new TypeError('mp4: expected one moov and one mdat');
  const chunks = boxesIn(view, moov.body, moov.end).filter((b) => b.type === 'trak').flatMap((trak, i) => trackChunks(view, trak, i));
  const stored = [...chunks].sort((a, b) => a.offset - b.offset);
  let at = mdat.body;
  for (const c of stored) {
    if (c.offset !== at) throw new TypeError(`mp4: a chunk of track ${c.track} is at ${c.offset}, not ${at}: the chunks do not tile the mdat`);
    at += c.bytes;
  }
  if (at !== mdat.end) throw new TypeError(`mp4: the chunks end at ${at}, the mdat at ${mdat.end}`);
  const wanted = [...chunks].sort((a, b) => compare(a, b) || a.offset - b.offset);
  if (wanted.every((c, i) => c === stored[i])) return mp4;
  const out = mp4.slice();
  const outView = new DataView(out.buffer);
  at = mdat.body;
  for (const c of wanted) {
    out.set(mp4.subarray(c.offset, c.offset + c.bytes), at);
    if (c.wide) outView.setBigUint64(c.entryAt, BigInt(at));
    else outView.setUint32(c.entryAt, at);
    at += c.bytes;
  }
  return out;
}
