// Round 9 (#14): a still camera said in dialect. Two forms the lexicon cannot list word by word:
// - Negators by their form (before negation runs): an unread word of two or three letters beginning with n directly
//   before a verb ("camera nuh move", "it na move": the n- of English and its dialects' negators: no, nae, nah, naw, nuh,
//   na) and an auxiliary with the Scots negative suffix -nae / -na ("doesnae", "wasnae", "couldna") are negators.
// - An imperative that keeps the shot still: keep / hold / leave + it, this or the shot + a word of stillness ("keep it
//   still y'all", "hold it steady") is a still camera, as "hold the camera still" is.
// The negator gets a negation span via `cameraStasis`; the stillness word becomes a camera span (static) via
// `cameraStasis`.
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import type { LexRecord } from './lexicon.ts';
import { knownWord } from './morphology.ts';
import { readsAs } from './spelling.ts';

/** Auxiliaries the Scots -nae / -na suffix negates ("doesnae", "wasnae", "cannae", "dinna"). */
const AUX = new Set(['does', 'do', 'did', 'is', 'was', 'were', 'are', 'could', 'would', 'should', 'can', 'will', 'has', 'have', 'had', 'must', 'din', 'dis', 'wis', 'cud', 'wid', 'wull', 'dae', 'div', 'hav', 'hae', 'isn', 'doesn', 'didn', 'wasn']);
/** Imperatives that keep a shot as it is. */
const KEEP = new Set(['keep', 'hold', 'leave']);
/** What an imperative keeps: the shot, said with a pronoun or its noun. */
const SHOT = new Set(['it', 'this', 'that', 'shot', 'frame', 'camera', 'cam']);
/** Words of stillness the kept shot takes. */
const STILL = new Set(['still', 'steady', 'static', 'fixed', 'locked', 'stationary', 'put', 'level']);

function isNegatorForm(word: string): boolean {
  if (/^n[a-z]{1,2}$/.test(word)) return true;
  const m = /^([a-z]+?)(nae|na)$/.exec(word);
  return m !== null && AUX.has(m[1] ?? '');
}

/** Before negation: dialect negators by their form (see the file comment). */
export function readDialectNegators(state: PassState): void {
  const { tokens, chosen } = state;
  const cover = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    // A short unread particle may stand between the negator and its verb ("nuh fi move": fi, the infinitive "for").
    const particle = cover[k + 1];
    const skip = /^[a-z]{1,2}$/.test(tokens[k + 1]?.lower ?? '') && (!particle || particle.domain === 'function' || particle.domain === 'filler') ? 1 : 0;
    const next = cover[k + 1 + skip];
    if (!t || cover[k] || knownWord(t.lower) || !isNegatorForm(t.lower) || clauseBetween(state, k, k + 1 + skip)) continue;
    // A verb of the lexicon after it: a move, a motion, a sound ("nuh move", "doesnae budge").
    if (!next || !['camera', 'motion', 'sound'].includes(next.domain)) continue;
    const record: LexRecord = { span: t.lower, canonical: 'not', domain: 'negation', variant: 'dialect', source: 'built-in', mechanism: 'cameraStasis' };
    chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'negation', canonical: 'not', negated: false, consumed: false, via: 'cameraStasis' });
  }
  chosen.sort((a, b) => a.i - b.i);
}

/** After the fields: an imperative keeping the shot still is a still camera (see the file comment). */
export function readKeepStill(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.camera.move !== null) return;
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (!readsAs(state, k, KEEP)) continue;
    let m = k + 1;
    if (['the', 'this', 'that', 'da', 'di'].includes(tokens[m]?.lower ?? '') && SHOT.has(tokens[m + 1]?.lower ?? '')) m++;
    if (!SHOT.has(tokens[m]?.lower ?? '')) continue;
    const w = m + 1;
    const t = tokens[w];
    if (!t || !STILL.has(t.lower) || clauseBetween(state, k, w)) continue;
    instruction.camera.move = 'static';
    const c = chosen.find((d) => d.i <= w && d.j > w);
    const record: LexRecord = { span: t.lower, canonical: 'static', domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'cameraStasis' };
    if (c) {
      c.implies = { ...c.implies, camera: 'static' };
      return;
    }
    chosen.push({ i: w, j: w + 1, start: t.start, end: t.end, record, domain: 'camera', canonical: 'static', negated: false, consumed: false, via: 'cameraStasis' });
    chosen.sort((a, b) => a.i - b.i);
    return;
  }
}
