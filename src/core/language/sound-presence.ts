// Round 8 (#14): sound presence from the sound's sources and their loudness. People rarely say "full presence"; they
// say the sound is loud or what its source is doing: "the brass band blaring", "organ booming out", "a deafening
// crowd", "the drums going", "bagpipes droning away". A word that says a sound is loud (WordNet: the clusters of loud
// and noisy, verbs of blaring, booming, ringing, roaring, belting, nouns of a din or blast), or a sound source (an
// instrument, music, a band, a crowd, traffic; or a sound word of the lexicon) doing something with a particle of
// persistence after it ("thumping away", "belting it out") or standing active at its clause's end ("the fiddle going")
// gives presence full, when no presence word or silence set it. A loud word before a colour is the colour's
// ("loud pink") and says nothing of the sound. The loud word's span says `implies: {presence: full}`, or is a presence
// span via `loudness`.
import { isColorPrimitive } from '../vocab/index.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween, negatedInClause } from './chosen.ts';
import type { LexRecord } from './lexicon.ts';
import { isLoudWord, isSoundSource } from './wordnet-clauses.ts';

/** Particles of persistence after a sound's verb ("thumping away", "belting it out", Scots "oot"). */
const PERSIST = new Set(['away', 'out', 'oot', 'on']);
/** Forms of "go" a sound source stands active with ("the fiddles going", "band goin"). */
const GOING = new Set(['going', 'goin', 'go', 'goes', 'gone']);

/** Imply presence full from loud sound (see the file comment). */
export function readSoundPresence(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.sound.presence !== null || instruction.sound.primitives.includes('silence')) return;
  const cover: (Chosen | undefined)[] = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  const isSource = (k: number): boolean => {
    const c = cover[k];
    if (c && c.domain === 'sound') return true;
    return (tokens[k]?.forms ?? []).some((f) => isSoundSource(f));
  };
  let at = -1;
  for (let k = 0; k < tokens.length && at < 0; k++) {
    const t = tokens[k];
    const c = cover[k];
    if (!t || c?.negated || negatedInClause(state, k)) continue;
    if (t.forms.some((f) => isLoudWord(f))) {
      const next = cover[k + 1];
      if (next && (next.domain === 'color' || next.domain === 'palette' || isColorPrimitive(next.canonical))) continue;
      at = k;
      break;
    }
    if (!isSource(k)) continue;
    // A source active in its clause: a verb with a particle of persistence, or "going" ending the clause.
    for (let m = k + 1; m < tokens.length && m <= k + 4; m++) {
      if (clauseBetween(state, k, m)) break;
      const w = tokens[m]?.lower ?? '';
      const endsClause = m === tokens.length - 1 || clauseBetween(state, m, m + 1);
      if (GOING.has(w) && endsClause) at = m;
      else if (PERSIST.has(w) && m > k + 1 && !GOING.has(tokens[m - 1]?.lower ?? '')) at = m - 1;
      if (at >= 0) break;
    }
  }
  if (at < 0) return;
  instruction.sound.presence = 'full';
  const c = cover[at];
  if (c) {
    c.implies = { ...c.implies, presence: 'full' };
    return;
  }
  const t = tokens[at];
  if (!t) return;
  const record: LexRecord = { span: t.lower, canonical: 'full', domain: 'presence', variant: 'synonym', source: 'built-in', mechanism: 'loudness' };
  chosen.push({ i: at, j: at + 1, start: t.start, end: t.end, record, domain: 'presence', canonical: 'full', negated: false, consumed: false, via: 'loudness' });
  chosen.sort((a, b) => a.i - b.i);
}
