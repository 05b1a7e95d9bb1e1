// Build-time step for the dialect senses (#14 round 6): marks which words of src/core/language/data/dialect-senses.json
// are standard English words (in the Hunspell dictionary `dictionary-en`, read through `nspell`), as its `standard`
// list. A regional sense of a standard word ("burn", "crib", "dairy") is chosen only when the prompt shows its region;
// a word no standard dictionary has ("kopitiam", "servo") is read by its regional sense wherever it stands.
//
// Run: node scripts/mark-dialect-senses.mjs   (deterministic; the output is committed). Run it after editing the table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-en';
import nspell from 'nspell';

const FILE = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'dialect-senses.json');
const spell = nspell(dictionary);
const data = JSON.parse(readFileSync(FILE, 'utf8'));
const words = new Set();
for (const region of Object.values(data.regions)) for (const map of Object.values(region.senses)) for (const span of Object.keys(map)) for (const w of span.split(' ')) if (w !== 'the') words.add(w);
data.standard = [...words].filter((w) => spell.correct(w) || spell.correct(w[0].toUpperCase() + w.slice(1))).sort();
writeFileSync(FILE, JSON.stringify(data, null, 1) + '\n');
console.log(`${words.size} words in the regional senses, ${data.standard.length} standard English: ${data.standard.join(' ')}`);
