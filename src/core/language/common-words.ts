// Whether a word is a common English word (a lower-case Hunspell stem), through the Bloom filter that
// scripts/reduce-common-words.mjs builds (round 9 of #14: a word no resource knows may be a place's name; a word of
// the dictionary is not). A false positive (about 1 %) only keeps a name from being read.
import data from './data/common-words.json';

const FILTER = (data as { hashes: number; bits: number; filter: string }).filter;
const HASHES = (data as { hashes: number }).hashes;
const BITS = (data as { bits: number }).bits;
let bytes: Uint8Array | null = null;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The filter's bytes, decoded once (core has neither Buffer nor atob: it runs in Node, workers and pages alike). */
function filterBytes(): Uint8Array {
  if (bytes) return bytes;
  const body = FILTER.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let acc = 0;
  let held = 0;
  let at = 0;
  for (const ch of body) {
    acc = (acc << 6) | BASE64.indexOf(ch);
    held += 6;
    if (held >= 8) {
      held -= 8;
      out[at++] = (acc >> held) & 0xff;
    }
  }
  bytes = out;
  return bytes;
}

/** FNV-1a over the word's UTF-16 code units with a seed (as the build script hashes). */
function fnv(word: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let k = 0; k < word.length; k++) {
    h ^= word.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether Hunspell's dictionary has the word as a common (lower-case) stem. */
export function isCommonWord(word: string): boolean {
  const f = filterBytes();
  const a = fnv(word, 0);
  const b = fnv(word, 0x9e3779b9) | 1;
  for (let k = 0; k < HASHES; k++) {
    const at = ((a + Math.imul(k, b)) >>> 0) % BITS;
    if (((f[at >> 3] ?? 0) & (1 << (at & 7))) === 0) return false;
  }
  return true;
}

/** Whether a word is two common words written as one, each of `min` letters or more ("woolshed": wool|shed). */
export function splitsIntoCommonWords(word: string, min = 4): boolean {
  for (let k = min; k + min <= word.length; k++) if (isCommonWord(word.slice(0, k)) && isCommonWord(word.slice(k))) return true;
  return false;
}
