// Build-time reduction of the Hunspell English dictionary (the `dictionary-en` package, read through `nspell`) to
// the real words the spelling mechanism must leave alone: src/core/language/data/real-words.json.
//
// The interpreter corrects a word no lexicon, WordNet entry or compromise knows to a lexicon or WordNet word within
// one or two edits. A real English word near one of those ("choppy" is one edit from "chippy", "tall" from "tail")
// is not a typo, so it must not be corrected. Only the real words that could be miscorrected are shipped: those
// within the correction distance of a dictionary word of the interpreter (not the whole 49,000-stem dictionary).
// Forms: each stem and its regular inflections (-s, -es, -ed, -ing, -er, -est, -y, -ly), each checked by nspell.
//
// Run: node scripts/reduce-dictionary.mjs   (deterministic; the output is committed). Run it again after
// reduce-wordnet.mjs or after the lexicon data change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-en';
import nspell from 'nspell';

const DATA = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data');
const OUT = join(DATA, 'real-words.json');
const spell = nspell(dictionary);

// The correction targets: single words of the lexicon data, the colour list and the WordNet table (as spelling.ts builds them).
const targets = new Set();
const addWord = (w) => {
  if (/^[a-z]{3,}$/.test(w)) targets.add(w);
};
for (const file of ['lexicon-core.json', 'lexicon-dialect.json']) {
  for (const g of JSON.parse(readFileSync(join(DATA, file), 'utf8')).groups) for (const span of Object.keys(g.map)) addWord(span);
}
for (const w of Object.keys(JSON.parse(readFileSync(join(DATA, 'color-words.json'), 'utf8')).words)) addWord(w);
// The things with a place are correction targets too (spelling.ts reads wordnetWords(), which includes them): without
// them a real word one edit from such a thing was corrected to it ("folk" → "fork", a kitchen).
const reduced = JSON.parse(readFileSync(join(DATA, 'wordnet-reduced.json'), 'utf8'));
for (const w of [...Object.keys(reduced.words), ...Object.keys(reduced.thingPlaces)]) addWord(w);
// The function words of five letters or more are correction targets too (spelling.ts, session 10: "everyting").
for (const w of JSON.parse(readFileSync(join(DATA, 'function-words.json'), 'utf8')).words) if (w.length >= 5) addWord(w);

const deletions = (w) => Array.from(w, (_, k) => w.slice(0, k) + w.slice(k + 1));
const deletes = new Map();
for (const t of targets) for (const key of [t, ...deletions(t)]) deletes.set(key, true);

// Within one edit of a target (the delete index finds every candidate within one edit; two-edit words of eight
// letters or more are caught through their deletions' deletions).
function nearTarget(w) {
  if (deletes.has(w)) return true;
  for (const d of deletions(w)) {
    if (deletes.has(d)) return true;
    if (w.length >= 8) for (const dd of deletions(d)) if (deletes.has(dd)) return true;
  }
  return false;
}

const SUFFIXES = ['', 's', 'es', 'ed', 'd', 'ing', 'er', 'est', 'y', 'ly'];
const real = new Set();
for (const line of readFileSync(new URL(import.meta.resolve('dictionary-en')).pathname.replace(/index\.js$/, 'index.dic'), 'utf8').split('\n').slice(1)) {
  const stem = line.split('/')[0] ?? '';
  if (!/^[a-z]{3,}$/.test(stem)) continue;
  const forms = new Set();
  for (const s of SUFFIXES) {
    forms.add(stem + s);
    if (stem.endsWith('e')) forms.add(stem.slice(0, -1) + s);
    if (stem.endsWith('y')) forms.add(stem.slice(0, -1) + 'i' + s);
    forms.add(stem + stem.at(-1) + s);
  }
  for (const f of forms) if (!targets.has(f) && !real.has(f) && nearTarget(f) && spell.correct(f)) real.add(f);
}
const words = [...real].sort();
const json = JSON.stringify({ about: 'Real English words near the interpreter\'s dictionary words, which the spelling mechanism leaves alone. Reduced from dictionary-en (Hunspell, see node_modules/dictionary-en/license) by scripts/reduce-dictionary.mjs.', words });
writeFileSync(OUT, json + '\n');
console.log(`${words.length} real words near ${targets.size} dictionary words, ${(json.length / 1024).toFixed(0)} KB`);
