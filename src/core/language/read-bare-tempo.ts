// Session 9 (#14): a tempo given as a bare number. People who know their music give the beat without "bpm": "techno
// thumping at like 128", "house at about 124", "drums @ 90". A number is beats per minute only when the context says
// so: it stands after "at" (or "@"), with at most a hedge between ("like", "about", "around"), in a clause where music
// is said before it (a tempo word — a genre whose tempo the lexicon knows —, a sound word, or a maker of music in
// WordNet: music, a band, a drum); its value is one a beat can have (40–240); and nothing but the clause's end or a
// closed-class word follows it (not "at 60 mph", "at 100 metres", "at 7 pm"). Not a year, a price ("at $120") or a
// time ("at 12:30"). The number's span becomes a tempo span via `bareTempo`; compose-fields bands it (FOUNDATION §3).
import { clauseBetween, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { isSoundSource } from './wordnet-clauses.ts';

/** Words that put a beat at a number ("at 128", "@ 90"). */
const AT = new Set(['at', '@']);
/** Hedges between "at" and the number ("at like 128", "at about 124"). */
const HEDGE = new Set(['like', 'about', 'around', 'roughly', 'round', 'maybe', 'approx', 'approximately', 'bout', 'abt', 'say', 'least', 'a']);
/** Readings that say music is heard. */
const MUSIC: ReadonlySet<Domain> = new Set(['tempo', 'sound', 'sound_mood']);
/** The beats a tempo can have, per minute. */
const MIN_BPM = 40;
const MAX_BPM = 240;
/** How far before the number music may be said, in tokens. */
const REACH = 8;

/** Whether music is said in the clause before token k: a tempo or sound reading, or a maker of music. */
function musicBefore(state: PassState, k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - REACH; m--) {
    if (clauseBetween(state, m, k)) return false;
    const c = state.chosen.find((d) => d.i <= m && d.j > m);
    if (c && MUSIC.has(c.domain) && c.canonical !== 'silence') return true;
    if ((state.tokens[m]?.forms ?? []).some((f) => isSoundSource(f))) return true;
  }
  return false;
}

/** Read a bare number after "at" in a clause of music as its bpm (see the file comment). */
export function readBareTempo(state: PassState): void {
  const { tokens, gaps, chosen, instruction } = state;
  if (instruction.sound.bpm !== null) return;
  for (const c of chosen) {
    if (c.record.domain !== 'number' || c.domain !== 'number' || c.j !== c.i + 1) continue;
    const value = Number(c.record.canonical);
    const t = tokens[c.i];
    if (!t || !/^\d+$/.test(t.lower) || !Number.isInteger(value) || value < MIN_BPM || value > MAX_BPM) continue;
    // A price or a time: a currency sign before, a colon or a percent after.
    if (/[$£€¥₹#]/.test(gaps[c.i] ?? '') || /^[:%.]/.test(gaps[c.j] ?? '')) continue;
    let m = c.i - 1;
    while (m >= 0 && HEDGE.has(tokens[m]?.lower ?? '') && !clauseBetween(state, m, c.i)) m--;
    const at = tokens[m];
    const atSign = /@\s*$/.test(gaps[c.i] ?? '') && m === c.i - 1;
    if (!atSign && (!at || !AT.has(at.lower) || clauseBetween(state, m, c.i))) continue;
    const next = tokens[c.j];
    const nextFunction = chosen.some((d) => d.i === c.j && d.domain === 'function');
    if (next && !clauseBetween(state, c.i, c.j) && !next.closedClass && !nextFunction) continue;
    if (!musicBefore(state, atSign ? c.i : m)) continue;
    instruction.sound.bpm = value;
    c.domain = 'tempo';
    c.canonical = String(value);
    c.via = 'bareTempo';
    return;
  }
}
