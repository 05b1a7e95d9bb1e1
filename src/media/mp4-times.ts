// A made clip carries no wall-clock time: Mediabunny stamps the second the file was muxed (Date.now) into the movie,
// track and media headers, so two makes of one spec differed in those bytes only. Zero there means "not set" (ffmpeg
// then reports no creation_time), and a clip becomes a function of its spec: a seeded loop makes the same bytes and hashes.

/** Boxes whose children are walked to reach the headers (ISO/IEC 14496-12: moov → trak → mdia). */
const CONTAINERS = new Set(['moov', 'trak', 'mdia']);
/** Full boxes that start with a creation and a modification time (32-bit in version 0, 64-bit in version 1). */
const STAMPED = new Set(['mvhd', 'tkhd', 'mdhd']);

function boxType(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

/**
 * Set the creation and modification times of every mvhd, tkhd and mdhd in `mp4` to 0, in place; returns how many
 * headers were cleared. Throws TypeError when a box runs past its parent (not an ISO-BMFF file this muxer wrote).
 */
export function clearMp4Times(mp4: Uint8Array): number {
  const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  let cleared = 0;
  const walk = (start: number, end: number): void => {
    let at = start;
    while (at + 8 <= end) {
      let size = view.getUint32(at);
      let header = 8;
      if (size === 1) {
        if (at + 16 > end) throw new TypeError(`mp4: box at ${at} has a 64-bit size past the end`);
        size = Number(view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) throw new TypeError(`mp4: box "${boxType(mp4, at + 4)}" at ${at} (${size} bytes) runs past its parent`);
      const type = boxType(mp4, at + 4);
      if (CONTAINERS.has(type)) walk(at + header, at + size);
      else if (STAMPED.has(type)) {
        const body = at + header;
        const wide = mp4[body] === 1;
        if (body + 4 + (wide ? 16 : 8) > at + size) throw new TypeError(`mp4: "${type}" at ${at} is too short for its times`);
        if (wide) {
          view.setBigUint64(body + 4, 0n);
          view.setBigUint64(body + 12, 0n);
        } else {
          view.setUint32(body + 4, 0);
          view.setUint32(body + 8, 0);
        }
        cleared++;
      }
      at += size;
    }
  };
  walk(0, mp4.byteLength);
  return cleared;
}
