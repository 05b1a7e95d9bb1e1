// Build-time reduction of the Hunspell English dictionary (the `dictionary-en` package) to a Bloom filter of its common
// (lower-case) stems: src/core/language/data/common-words.json (#14 round 9, named places).
//
// The named-place mechanism (read-place-names.ts) reads a word no resource knows, where a place stands, as a place's
// own name ("in dundee", "uluru at sunrise"). "A word no resource knows" needs the whole dictionary, not the few
// thousand words the other tables hold: "autumn", "background", "trampoline" are words, "dundee" and "uluru" are not
// (Hunspell writes them only capitalised, as names). 38,000 stems in a Bloom filter at a 1 % false-positive rate take
// 46 KB (a word taken for a dictionary word by mistake is only a name not read); inflections are looked up by their
// lemma (the interpreter's lookup forms).
//
// Run: node scripts/reduce-common-words.mjs   (deterministic; the output is committed)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'common-words.json');
const DIC = new URL(import.meta.resolve('dictionary-en')).pathname.replace(/index\.js$/, 'index.dic');
/** Hash functions of the filter; the bit count follows from the stem count and the false-positive rate. */
const HASHES = 7;
const RATE = 0.01;

/** FNV-1a over the word's UTF-16 code units with a seed (the filter's hash, mirrored in common-words.ts). */
function fnv(word, seed) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let k = 0; k < word.length; k++) {
    h ^= word.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const stems = new Set();
for (const line of readFileSync(DIC, 'utf8').split('\n').slice(1)) {
  const stem = line.split('/')[0] ?? '';
  if (/^[a-z][a-z']{2,}$/.test(stem)) stems.add(stem);
}
const bits = Math.ceil((-stems.size * Math.log(RATE)) / Math.LN2 ** 2 / 8) * 8;
const filter = new Uint8Array(bits / 8);
for (const w of stems) {
  const a = fnv(w, 0);
  const b = fnv(w, 0x9e3779b9) | 1;
  for (let k = 0; k < HASHES; k++) {
    const bit = (a + Math.imul(k, b)) >>> 0;
    const at = bit % bits;
    filter[at >> 3] |= 1 << (at & 7);
  }
}
const json = JSON.stringify({ about: `Bloom filter (${HASHES} FNV-1a hashes, ${bits} bits) of the ${stems.size} lower-case stems of dictionary-en (Hunspell, see node_modules/dictionary-en/license): the common English words, for telling a place's name from a word. Made by scripts/reduce-common-words.mjs.`, hashes: HASHES, bits, filter: Buffer.from(filter).toString('base64') });
writeFileSync(OUT, json + '\n');
console.log(`${stems.size} stems, ${bits} bits, ${(json.length / 1024).toFixed(0)} KB`);
