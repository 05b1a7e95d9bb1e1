// A light structural check of ISO-BMFF files (MP4, MOV, M4A) from their box headers, read without loading the
// file: it tells a file cut short (`truncated`) from one whose index is damaged (`corrupt`), which Mediabunny
// reports only as missing tracks or missing frames.
import type { AnalysisErrorCode } from '../core/report/analysis.ts';

const PRINTABLE = /^[\x20-\x7e]{4}$/;

/** The problem found in the box structure, or null when it looks whole (or is not ISO-BMFF). */
export async function checkIsoStructure(blob: Blob): Promise<{ code: AnalysisErrorCode; message: string } | null> {
  const boxes = await topLevelBoxes(blob);
  if (!boxes || boxes[0]?.type !== 'ftyp') return null;
  for (const b of boxes) {
    if (!PRINTABLE.test(b.type) || b.size < 8) return { code: 'corrupt', message: `a top-level box at byte ${b.offset} has a damaged header` };
    if (b.offset + b.size > blob.size) {
      return { code: 'truncated', message: `the file ends at byte ${blob.size} inside its '${b.type}' box, which needs ${b.offset + b.size} bytes` };
    }
  }
  const types = new Set(boxes.map((b) => b.type));
  if (!types.has('moov')) return { code: 'truncated', message: 'the file has no index (moov box): it was cut before it' };
  const moov = boxes.find((b) => b.type === 'moov')!;
  const head = new Uint8Array(await blob.slice(moov.offset, moov.offset + Math.min(moov.size, 4 * 1024 * 1024)).arrayBuffer());
  // children of moov must tile it with sane headers
  let p = moov.header;
  while (p + 8 <= head.length && p < moov.size) {
    const size = u32(head, p);
    const type = ascii(head, p + 4);
    if (!PRINTABLE.test(type) || size < 8 || p + size > moov.size) return { code: 'corrupt', message: `the index (moov) is damaged at byte ${moov.offset + p}` };
    p += size;
  }
  return null;
}

interface Box {
  offset: number;
  size: number;
  header: number;
  type: string;
}

async function topLevelBoxes(blob: Blob): Promise<Box[] | null> {
  const out: Box[] = [];
  let off = 0;
  while (off + 8 <= blob.size && out.length < 10_000) {
    const h = new Uint8Array(await blob.slice(off, off + 16).arrayBuffer());
    let size = u32(h, 0);
    const type = ascii(h, 4);
    let header = 8;
    if (size === 1 && h.length >= 16) {
      size = u32(h, 8) * 2 ** 32 + u32(h, 12);
      header = 16;
    } else if (size === 0) size = blob.size - off; // to the end of the file
    out.push({ offset: off, size, header, type });
    if (size < 8) break;
    off += size;
  }
  return out.length ? out : null;
}

function u32(b: Uint8Array, p: number): number {
  return ((b[p]! << 24) >>> 0) + (b[p + 1]! << 16) + (b[p + 2]! << 8) + b[p + 3]!;
}

function ascii(b: Uint8Array, p: number): string {
  return String.fromCharCode(b[p]!, b[p + 1]!, b[p + 2]!, b[p + 3]!);
}
