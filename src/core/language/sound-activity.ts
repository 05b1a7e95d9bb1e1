// Round 9 (#14): the sound's presence from what its sources are doing. Round 8 read loud words and a source "going"
// or "thumping away"; people also say it with the verb of the sound's maker: a crowd chanting, cheering, screaming,
// going absolutely mental; everybody chatting away; a brass band blowing, music bumping; a conductor shouting; "bare
// noise", "the bass is INSANE". When no presence word, silence or loud word set the presence:
// - a verb that is loud by itself (WordNet: troponyms of shout, scream, yell, cheer, chant, roar), used as a verb → full;
// - people (WordNet: persons, people, crowds, audiences; "everybody") doing a verb of talk or of sound with a particle of persistence
//   or ending its clause ("everybody chattin away"), or going into a frenzy (round 3's idiom span: "crowd goin crazy")
//   → full;
// - a source that exists to make music (music, a band, an instrument: round 8's table, people aside) with a verb said of
//   it in its clause ("brass band blowin", "music bumpin", "go-go band in dc pumpin") → full;
// - a sound's own verb kept up ("bodhrán thumping away", "drone droning on") → full;
// - (session 9) music played with no object, said of a music maker or of a word no dictionary has (a music style or an
//   instrument WordNet lacks: "highlife dey play", "dhol tasha playing very fast") → full; "kids playing", "playing
//   dominoes" are games;
// - (session 9) a sound said to be everywhere ("noise everywhere", "music all over") → full;
// - a high intensity right before a sound word ("bare noise", "mad noise") or after it through a copula ("the bass is
//   INSANE", "the music was mental") → full.
// Two more settle a presence already set: a quiet word said of the scene while something is heard ("clock ticking, quiet
// as anything": a verb of sound used as a verb; "quiet night, crickets chirping": a sound word) is sparse, not absent; a slip for a sound word right after a negator
// ("no sund at all") is that sound negated: absent, with silence, and the slip's other reading (sand: beach) dropped.
// And a loud verb of sound with a path after it ("cars screamin down the front stretch", "bikes roaring past") is travel
// at speed: motion fast when no speed was said.
// A new span is a presence span via `soundActivity`; a word already read says `implies: {presence}`.
import type { Presence } from '../vocab/index.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween, negatedInClause } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { isGerund, saidOf, verbLemma } from './sound-sources.ts';
import { editDistance, readsAs } from './spelling.ts';
import { isLoudWord, isSoundSource } from './wordnet-clauses.ts';
import { isFrenzyWord, wordnetKnows } from './wordnet-meaning.ts';
import { knownWord } from './morphology.ts';
import { isLoudVoiceVerb, isPeopleNoun, isSoundVerb, isVoiceVerb, soundSourceOf } from './wordnet-sounds.ts';

/** Pronouns for everyone present ("everybody chattin away"). */
const EVERYONE = new Set(['everybody', 'everyone', 'everybodys', 'errbody', 'erybody']);
/** Particles of persistence after a verb of talk ("chattin away", "yakking on"). */
const PERSIST = new Set(['away', 'on', 'oot', 'out', 'along']);
/** Dialect progressive markers before a verb ("highlife dey play", "water a rush"). */
const PROGRESSIVE_MARK = new Set(['dey', 'a', 'de', 'deh']);
/** Readings a people noun may carry ("kids": a subject; "crowd": the scene). */
const PEOPLE_READINGS: ReadonlySet<Domain> = new Set(['subject', 'scene_type', 'filler', 'setting', 'theme']);
/** Copulas between a sound and what it is ("the bass is INSANE"). */
const COPULA = new Set(['is', 'was', 'are', 'were', "'s", 's', 'be', 'being', 'so', 'dey']);
/** Words a sound word is slipped from after a negator ("no sund", "no nosie", "no musci"). */
const SOUND_WORDS = ['sound', 'noise', 'music', 'audio'];

type Cover = readonly (Chosen | undefined)[];

function coverOf(state: PassState): (Chosen | undefined)[] {
  const cover = new Array<Chosen | undefined>(state.tokens.length);
  for (const c of state.chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  return cover;
}

/** Whether a dialect progressive marker stands before token k ("dey shout"; Caribbean "a" only after a content word: "crowd a shout", not "a shout"). */
function afterMarker(state: PassState, k: number): boolean {
  const w = state.tokens[k - 1]?.lower ?? '';
  if (!PROGRESSIVE_MARK.has(w) || clauseBetween(state, k - 1, k)) return false;
  if (w !== 'a') return true;
  const before = state.chosen.find((d) => d.i <= k - 2 && d.j > k - 2);
  return k >= 2 && !clauseBetween(state, k - 2, k - 1) && before?.domain !== 'function' && !(state.tokens[k - 2]?.closedClass ?? true);
}

/** Whether the token at k is used as a verb whose lemma passes `test`. */
function verbIs(state: PassState, k: number, test: (lemma: string) => boolean): boolean {
  const t = state.tokens[k];
  // The table first: tags cost a tagging of the clause. A bare form ("thunder", "a shout") is read as a verb only after a
  // dialect progressive ("conductor dey shout"); an inflected one ("roars", "shouted") when tagged a verb.
  if (!t || !t.forms.some((f) => test(f))) return false;
  if (afterMarker(state, k) || isGerund(state, k)) return true;
  return !test(t.lower) && t.tags.has('Verb');
}

function isPeople(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  if (!t) return false;
  if (EVERYONE.has(t.lower)) return true;
  // A people noun read as a thing, a person or the scene (not a word of another reading: "fan" as a sound, a colour).
  const c = state.chosen.find((d) => d.i <= k && d.j > k);
  return (!c || PEOPLE_READINGS.has(c.domain)) && t.forms.some((f) => isPeopleNoun(f));
}

/** Whether the word at k is a high intensity ("bare", "mad", "INSANE", "mental"). */
function isHigh(state: PassState, k: number, cover: Cover): boolean {
  const c = cover[k];
  if (c && c.domain === 'intensity' && c.canonical === 'high') return true;
  const t = state.tokens[k];
  return t !== undefined && (!c || c.domain === 'motion') && t.forms.some((f) => isFrenzyWord(f) || isLoudWord(f));
}

/** Whether the word at k is a sound said (a sound span that is no silence, or a source of sound). */
function isSound(state: PassState, k: number, cover: Cover): boolean {
  const c = cover[k];
  if (c) return c.domain === 'sound' && c.canonical !== 'silence' && !c.negated;
  return (state.tokens[k]?.forms ?? []).some((f) => isSoundSource(f));
}

/** Words that say a sound is all around ("noise everywhere", "music all over"). */
const EVERYWHERE = new Set(['everywhere', 'errywhere', 'all']);
/** What may follow "all" to say everywhere ("all over", "all around"). */
const ALL_OVER = new Set(['over', 'around', 'round', 'roond', 'aroond', 'about']);
/** Domains of words after "play" that say how, not what, is played ("playing very fast", "dey play slow slow"). */
const MANNER: ReadonlySet<Domain> = new Set(['motion', 'tempo', 'intensity', 'presence', 'filler', 'approval']);

/** Whether the sound at k is said to be everywhere: the word after it in its clause. */
function everywhere(state: PassState, k: number): boolean {
  const w = state.tokens[k + 1]?.lower ?? '';
  if (!readsAs(state, k + 1, EVERYWHERE) || clauseBetween(state, k, k + 1)) return false;
  return w !== 'all' || ALL_OVER.has(state.tokens[k + 2]?.lower ?? '');
}

/** Whether the word at k is a maker of music: a named source of sound, or a word no dictionary has, not read but by a slip. */
function musicMaker(state: PassState, k: number, cover: Cover): boolean {
  const t = state.tokens[k];
  const c = cover[k];
  if (!t || (c && c.via !== 'spelling' && c.domain !== 'sound')) return false;
  const source = t.forms.map((f) => soundSourceOf(f)).find((s) => s !== null);
  if (source) return source.heard === 'named';
  if (c?.domain === 'sound') return true;
  if (c && (isPeopleNoun(c.canonical) || c.domain !== 'subject')) return false;
  // A plural no dictionary has is more often people or things ("grandads") than a style or an instrument ("highlife").
  return /^\p{L}[\p{L}-]+$/u.test(t.lower) && t.forms.every((f) => f === t.lower) && !wordnetKnows(t.lower) && !knownWord(t.lower);
}

/** The token of "play" said of a maker of music with no object after it ("highlife dey play slow slow"), or -1. */
function musicPlayed(state: PassState, cover: Cover): number {
  const { tokens } = state;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !t.forms.includes('play') || negatedInClause(state, k)) continue;
    const marked = afterMarker(state, k);
    if (!marked && !isGerund(state, k) && !/s$/.test(t.lower)) continue;
    const subject = marked ? k - 2 : k - 1;
    if (subject < 0 || clauseBetween(state, subject, k) || !musicMaker(state, subject, cover)) continue;
    // An object after it is a game ("playing dominoes", "dey play ball"); a manner word or the clause's end is music.
    const ends = k === tokens.length - 1 || clauseBetween(state, k, k + 1);
    const next = cover[k + 1];
    if (ends || (next && MANNER.has(next.domain)) || PERSIST.has(tokens[k + 1]?.lower ?? '')) return k;
  }
  return -1;
}

/** The token whose activity makes the presence full, or -1. */
function activeAt(state: PassState, cover: Cover): number {
  const { tokens } = state;
  for (let k = 0; k < tokens.length; k++) {
    if (cover[k]?.negated || negatedInClause(state, k)) continue;
    if (verbIs(state, k, isLoudVoiceVerb)) return k;
    const t = tokens[k];
    // Cheap look-ahead first (tables, spellings): only then ask the tagger what the words are.
    const ahead = (test: (m: number) => boolean): boolean => {
      for (let m = k + 1; m < tokens.length && m <= k + 4; m++) if (test(m)) return true;
      return false;
    };
    const talkAhead = ahead((m) => cover[m]?.via === 'idiom' || (tokens[m]?.forms.some((f) => isVoiceVerb(f) || isSoundVerb(f)) ?? false));
    const people = talkAhead && isPeople(state, k);
    const maker = !people && (t?.forms.some((f) => isSoundSource(f)) ?? false) && ahead((m) => /(ing|in)$/.test(tokens[m]?.lower ?? '') || PROGRESSIVE_MARK.has(tokens[m - 1]?.lower ?? ''));
    const next = people || maker ? saidOf(state, k, cover) : -1;
    if (people && next >= 0) {
      const n = cover[next];
      if (n && n.via === 'idiom') return next;
      if (verbIs(state, next, (l) => isVoiceVerb(l) || isSoundVerb(l))) {
        const after = tokens[next + 1]?.lower ?? '';
        const ends = next === tokens.length - 1 || clauseBetween(state, next, next + 1);
        if (ends || PERSIST.has(after)) return next;
      }
    }
    // A maker of music (not people, not a thing that only sometimes sounds) with a verb said of it.
    if (t && maker && next >= 0 && verbLemma(state, next) !== null) {
      const source = t.forms.map((f) => soundSourceOf(f)).find((s) => s !== null);
      if (!source || source.heard === 'named') return next;
    }
    // "bare noise"; "the bass is INSANE"; a sound's verb kept up ("bodhrán thumping away").
    if (isSound(state, k, cover) && cover[k]) {
      if (everywhere(state, k)) return k;
      if (PERSIST.has(tokens[k + 1]?.lower ?? '') && !clauseBetween(state, k, k + 1) && isGerund(state, k)) return k;
      if (k > 0 && isHigh(state, k - 1, cover) && !clauseBetween(state, k - 1, k)) return k;
      let m = k + 1;
      while (m < tokens.length && m <= k + 3 && COPULA.has(tokens[m]?.lower ?? '') && !clauseBetween(state, k, m)) m++;
      if (m > k + 1 && m < tokens.length && !clauseBetween(state, k, m) && isHigh(state, m, cover)) return m;
    }
  }
  return -1;
}

function mark(state: PassState, at: number, presence: Presence, cover: Cover): void {
  const c = cover[at];
  if (c) {
    c.implies = { ...c.implies, presence };
    return;
  }
  const t = state.tokens[at];
  if (!t) return;
  const record: LexRecord = { span: t.lower, canonical: presence, domain: 'presence', variant: 'synonym', source: 'built-in', mechanism: 'soundActivity' };
  state.chosen.push({ i: at, j: at + 1, start: t.start, end: t.end, record, domain: 'presence', canonical: presence, negated: false, consumed: false, via: 'soundActivity' });
  state.chosen.sort((a, b) => a.i - b.i);
}

/** A slip for a sound word right after a negator ("no sund at all"): that sound negated. */
function negatedSlip(state: PassState, cover: Cover): boolean {
  const { tokens, instruction } = state;
  for (let k = 1; k < tokens.length; k++) {
    const neg = cover[k - 1];
    const c = cover[k];
    const t = tokens[k];
    if (!t || !neg || neg.domain !== 'negation' || t.lower.length < 4 || (c && c.via !== 'spelling')) continue;
    if (!SOUND_WORDS.some((w) => w !== t.lower && editDistance(t.lower, w, 1) <= 1)) continue;
    if (c) {
      // The slip's other reading ("sand": beach) goes; the word is the sound, negated.
      if (c.domain === 'setting') instruction.narrative.settings = instruction.narrative.settings.filter((s) => s !== c.canonical);
      state.chosen.splice(state.chosen.indexOf(c), 1);
    }
    const record: LexRecord = { span: t.lower, canonical: 'silence', domain: 'sound', variant: 'spelling', source: 'built-in', mechanism: 'soundActivity' };
    state.chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'sound', canonical: 'silence', negated: true, consumed: false, via: 'soundActivity' });
    state.chosen.sort((a, b) => a.i - b.i);
    return true;
  }
  return false;
}

/** Particles of a path after a verb ("screamin down", "roaring past"). */
const PATH = new Set(['down', 'past', 'by', 'through', 'along', 'across', 'round', 'around', 'into', 'up', 'over']);

/** A loud verb of sound with a path after it is travel at speed ("cars screamin down the stretch", "bikes roaring past"). */
function loudTravel(state: PassState, cover: Cover): void {
  const { tokens, instruction } = state;
  if (instruction.motion.level !== null) return;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const c = cover[k];
    if ((c && c.domain !== 'sound' && c.domain !== 'setting') || cover[k + 1]?.domain === 'camera' || negatedInClause(state, k)) continue;
    if (!PATH.has(tokens[k + 1]?.lower ?? '') || clauseBetween(state, k, k + 1) || !verbIs(state, k, isLoudVoiceVerb)) continue;
    instruction.motion.level = 'fast';
    if (c) {
      c.implies = { ...c.implies, motion: 'fast' };
      return;
    }
    const t = tokens[k];
    if (!t) return;
    const record: LexRecord = { span: t.lower, canonical: 'fast', domain: 'motion', variant: 'synonym', source: 'built-in', mechanism: 'soundActivity' };
    state.chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'motion', canonical: 'fast', negated: false, consumed: false, via: 'soundActivity' });
    state.chosen.sort((a, b) => a.i - b.i);
    return;
  }
}

/** Read the sound's presence from its sources' activity (see the file comment). */
export function readSoundActivity(state: PassState): void {
  const { instruction } = state;
  const sound = instruction.sound;
  const cover = coverOf(state);
  loudTravel(state, cover);
  if (sound.presence === null && sound.primitives.length === 0 && negatedSlip(state, cover)) {
    sound.primitives = ['silence'];
    sound.presence = 'absent';
    return;
  }
  if (sound.presence === null && sound.primitives.some((p) => p !== 'silence')) {
    // "quiet night, crickets chirping": a quiet scene (a quiet word not said of the sound itself) with a sound heard in it.
    const quiet = state.chosen.find((c) => c.domain === 'sound' && c.canonical === 'silence' && c.j - c.i === 1 && !c.negated && cover[c.j]?.domain !== 'sound');
    if (quiet) {
      sound.presence = 'sparse';
      mark(state, quiet.i, 'sparse', cover);
      return;
    }
  }
  if (sound.presence === 'absent') {
    // "clock ticking, quiet as anything": a quiet scene with a sound in it is sparse.
    const quiet = state.chosen.find((c) => c.domain === 'sound' && c.canonical === 'silence' && c.j - c.i === 1 && !c.negated && c.via !== 'soundActivity');
    const heard = !quiet ? -1 : state.tokens.findIndex((_, k) => cover[k]?.negated !== true && cover[k]?.domain !== 'sound' && !negatedInClause(state, k) && verbIs(state, k, isSoundVerb));
    if (quiet && heard >= 0) {
      sound.presence = 'sparse';
      mark(state, heard, 'sparse', cover);
    }
    return;
  }
  if (sound.presence !== null || sound.primitives.includes('silence')) return;
  let at = activeAt(state, cover);
  if (at < 0) at = musicPlayed(state, cover);
  if (at < 0) return;
  sound.presence = 'full';
  mark(state, at, 'full', cover);
}
