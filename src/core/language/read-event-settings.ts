// Round 10 of #14 (events as settings): people set a clip at an event as often as at a place ("county fair at dusk",
// "at the races", "owambe party,", "carnival Monday"): the event is where the scene happens, so it is a
// setting named by its words. Which nouns are events is WordNet's (scripts/reduce-wordnet-events.mjs: one of the
// first two senses a social occasion, contest, celebration, festival, procession, public performance, funfair or
// outdoor meal), never a list written here. An event noun is a setting only where a place stands: after a preposition
// of place or time ("at a meet", "for party" in Nigerian English, "during the parade"), a determiner between or not,
// or opening its clause where the clause ends or a place or time phrase follows ("festival golden hour, …", not "a
// single match is struck"); only where it heads its noun phrase (not "a dinner table", "a fair-haired girl", nor an
// adjective, adverb or verb by compromise's tags: "in the final shot"); never before "of" ("a party of hikers", "a race of giants") nor
// where it is a verb ("race to the car"). Nouns and names right before it name which one ("county fair",
// "listowel races"). A word with a reading of its own keeps it ("festival": the theme celebration) and says the
// setting in `implies`; a word no span reads becomes a setting span. Via `event`; its settings stand before the
// times, which say when, not where.
import type { Chosen, PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { predicateAfter } from './place-frames.ts';
import { breaksClause, type Token } from './tokenize.ts';
import table from './data/wordnet-events.json';
import { TIME_SETTINGS } from './time-settings.ts';

const EVENTS: ReadonlySet<string> = new Set((table as { events: string[] }).events);
/** Prepositions that put the scene at an event ("at", "during", the Nigerian "for", the Caribbean "pon"). */
const EVENT_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'to', 'for', 'during', 'from', 'in', 'inna', 'pon', 'into', 'outside', 'inside']);
/** Determiners and possessives that may stand between the preposition (or the clause's start) and the event. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'my', 'your', 'their', 'his', 'her', 'some', 'di', 'de', 'da']);
/** Readings an event noun may have and keep while it says the setting too (a theme, a kind of scene, a thing). */
const KEEPS: ReadonlySet<Domain> = new Set(['theme', 'genre', 'subject', 'mood', 'scene_type', 'plot', 'style']);
/** Words that may follow a clause-opening event: a preposition of place or time or a conjunction ("fair at dusk"). */
const AFTER_OPENING: ReadonlySet<string> = new Set(['in', 'on', 'at', 'by', 'near', 'under', 'during', 'after', 'before', 'while', 'when', 'where', 'as', 'with', 'and', 'inna', 'pon', 'for', 'till', 'until', 'around']);
/** Compromise's tags of a word that is no noun here ("fiddles fair belting", "in the final shot"). */
const NOT_NOUN = ['Adjective', 'Adverb', 'Verb'];
/** Most words naming which event ("national day parade"). */
const MAX_MODIFIERS = 2;
/** Most words between the frame and the event ("palm springs pool party"). */
const MAX_FRAME_WORDS = 3;

/** Whether a token says when: a time seed, an hour ("golden hour") or a day or date compromise tags ("carnival Monday"). */
const timeWord = (t: Token): boolean => TIME_SETTINGS.has(t.lower) || t.lower === 'hour' || t.tags.has('Date');

/** Whether a time phrase of one or two words follows token k in its clause ("fundraiser saturday", "festival golden hour"). */
function timeAfter(tokens: readonly Token[], gaps: readonly string[], k: number): boolean {
  for (let n = k + 1; n <= k + 2 && n < tokens.length && !breaksClause(gaps[n] ?? ''); n++) if (timeWord(tokens[n] as Token)) return true;
  return false;
}

/** Whether a noun (one lookup form, or two words joined by a space) is an event a scene can happen at. */
export function isEventNoun(form: string): boolean {
  return EVENTS.has(form);
}

/** The event form of token k: its compound with the word before when WordNet lists it ("fish fry"), else its own forms. */
function eventForm(tokens: readonly Token[], gaps: readonly string[], k: number): { form: string; compound: boolean } | null {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (!t) return null;
  const forms = t.forms.slice(0, t.exactForms + 1);
  if (prev && /^ +$/.test(gaps[k] ?? '')) for (const f of forms) if (EVENTS.has(`${prev.lower} ${f}`)) return { form: `${prev.lower} ${f}`, compound: true };
  const own = forms.find((f) => EVENTS.has(f));
  return own ? { form: own, compound: false } : null;
}

/** Read event nouns where a place stands as settings (via `event`). */
export function readEventSettings(state: PassState): void {
  const { tokens, gaps, chosen, instruction } = state;
  const settings = instruction.narrative.settings;
  const readAt = (k: number): Chosen | undefined => chosen.find((c) => c.i <= k && c.j > k);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !/^\p{L}{3,}$/u.test(t.text)) continue;
    const ev = eventForm(tokens, gaps, k);
    if (!ev) continue;
    const own = readAt(k);
    if (own && (own.domain === 'setting' || !KEEPS.has(own.domain) || own.j > k + 1 || (own.i < k && !ev.compound))) continue;
    const next = tokens[k + 1];
    // "a party of hikers", "a race of giants": a group or a people, not an occasion.
    if (next?.lower === 'of' && !breaksClause(gaps[k + 1] ?? '')) continue;
    // The event heads its noun phrase: not a modifier of the noun after it ("a candlelit dinner table", "a match cut"),
    // of a hyphened word ("a fair-haired girl"), nor an adjective, adverb or verb ("in the final shot", "seas meeting").
    if (!t.tags.has('Noun') && NOT_NOUN.some((g) => t.tags.has(g))) continue;
    const gap = gaps[k + 1] ?? '';
    if (next && gap.includes('-')) continue;
    if (next && /^ +$/.test(gap) && !timeWord(next) && !AFTER_OPENING.has(next.lower) && next.tags.has('Noun')) continue;
    // The words naming which event: nouns or names no span reads, right before it.
    let s = ev.compound ? k - 1 : k;
    while (s > 0 && k - s < MAX_MODIFIERS + (ev.compound ? 1 : 0) && /^ +$/.test(gaps[s] ?? '')) {
      const m = tokens[s - 1];
      if (!m || !/^\p{L}+$/u.test(m.text) || DETERMINERS.has(m.lower) || EVENT_PREPOSITIONS.has(m.lower)) break;
      // A capitalised word is part of the event's name whatever it reads as alone ("National Day parade").
      const read = readAt(s - 1);
      if (/^\p{Lu}/u.test(m.text) ? read !== undefined && (read.j - read.i > 1 || read.domain === 'function') : read !== undefined || !m.tags.has('Noun') || m.tags.has('Adjective') || m.tags.has('Verb')) break;
      s--;
    }
    // The frame: a preposition of place or time before it (a determiner between or not), or the clause's start; other
    // words may stand between if they are read as no closed-class word ("palm springs pool party").
    let f = s;
    while (f > 0 && k - f < MAX_FRAME_WORDS && /^ +$/.test(gaps[f] ?? '')) {
      const m = tokens[f - 1];
      if (!m || !/^\p{L}+$/u.test(m.text) || DETERMINERS.has(m.lower) || EVENT_PREPOSITIONS.has(m.lower) || readAt(f - 1)?.domain === 'function') break;
      f--;
    }
    let b = f - 1;
    if (b >= 0 && DETERMINERS.has(tokens[b]?.lower ?? '') && !breaksClause(gaps[b + 1] ?? '')) b--;
    const opens = b < 0 || breaksClause(gaps[b + 1] ?? '');
    const afterPreposition = !opens && EVENT_PREPOSITIONS.has(tokens[b]?.lower ?? '');
    if (!opens && !afterPreposition) continue;
    // Opening its clause, the clause ends or a place or time phrase follows it, as for a name (read-name-runs.ts): "fair at
    // dusk", "carnival Monday", "owambe party,", not "a single match is struck".
    // Round 11: or a predicate adjective with no verb ("block party hot as hell", place-frames.ts).
    if (opens && next && !breaksClause(gap) && !AFTER_OPENING.has(next.lower) && !timeAfter(tokens, gaps, k) && !predicateAfter(tokens, gaps, k + 1)) continue;
    const words = tokens.slice(s, k + 1);
    const name = words.map((w) => w.lower).join(' ');
    // The event itself beside the name that says which one ("county fair", then "fair"; "fish fry" as one).
    const head = ev.compound ? tokens.slice(k - 1, k + 1).map((w) => w.lower).join(' ') : t.lower;
    for (const n of name === head ? [name] : [name, head]) {
      if (settings.includes(n)) continue;
      const at = settings.findIndex((x) => TIME_SETTINGS.has(x));
      if (at >= 0) settings.splice(at, 0, n);
      else settings.push(n);
    }
    if (own) {
      own.implies = { ...own.implies, setting: name };
      continue;
    }
    const first = words[0];
    if (!first) continue;
    chosen.push({ i: s, j: k + 1, start: first.start, end: t.end, record: { span: name, canonical: name, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'event' }, domain: 'setting', canonical: name, negated: false, consumed: false, via: 'event' });
    chosen.sort((a, b2) => a.i - b2.i);
  }
}
