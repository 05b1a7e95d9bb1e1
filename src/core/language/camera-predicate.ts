// Round 9 (#14, camverbs): the camera's predicate when no pass gave a move. People say a camera stays with any verb of
// rest or of being set in place ("camera just parked on the corner", "camera planted by the door", "cam chillin in the
// back") and a shaken camera with any verb of being knocked about ("camera gettin tossed around"): in the camera's
// clause, past auxiliaries of state and passive ("be", "should", "gettin", "just"), the predicate verb is classed by
// WordNet (tables `restVerbs`, `shakeVerbs` of wordnet-clauses.json: troponyms of stand, park, plant, relax, stay…
// and of jostle, shake, toss, fling, jolt, buffet…). An adjective complement of stillness ("camera should be steady",
// "cam stays put") is a still camera; an imperative leaving the camera be ("leave the camera be", "let the cam alone",
// "leave the camera where it is") too; "all over" after it ("camera's all over the place") is the shake. Caribbean
// aphaeresis "tan" is stand. The pass runs after the fields, only when the camera has no move, so an explicit move word
// anywhere wins. Spans say via `cameraPredicate`.
// Also (`preferExplicitMove`): a move composed from a bare verb of motion bound to a direction in a clause with a subject
// of its own and no camera noun ("stane glidin doon the sheet") gives way to an explicit move word of the lexicon
// elsewhere ("…, pan left wi the stane" stays pan_left): the direction belongs to the other subject's verb.
import { CAMERA_NOUNS } from './camera-nouns.ts';
import type { Chosen, PassState } from './chosen.ts';
import { isCameraMove } from './compose-camera.ts';
import { clauseBetween } from './chosen.ts';
import type { LexRecord } from './lexicon.ts';
import { isRestVerb, isShakeVerb } from './wordnet-clauses.ts';

/** Auxiliaries of state, modality and the get-passive that stand between the camera and its predicate. */
const AUX = new Set(['just', 'jus', 'is', 'be', 'being', 'been', 'was', 'were', 'are', 'should', 'shud', 'must', 'will', 'would', 'can', 'could', 'gets', 'get', 'getting', 'gettin', 'got', 'stays', 'stay', 'kept', 'keeps', 'remains', 'a', 'di', 'the', 'fi', 'gonna', 'to', 'totally', 'fully', 'all', 'dead']);
/** Adjectives of stillness a camera takes as its complement. */
const STILL = new Set(['still', 'steady', 'static', 'fixed', 'locked', 'stationary', 'put', 'motionless', 'stable', 'planted', 'parked', 'steadfast', 'immobile']);
/** Dialect forms of rest verbs (Caribbean aphaeresis: "tan" = stand, "siddung" = sit down). */
const DIALECT: Readonly<Record<string, string>> = { tan: 'stand', tand: 'stand', siddung: 'sit', lef: 'leave' };
/** Imperatives that leave the camera as it is, and what completes them ("be", "alone", "where it is"). */
const LEAVE = new Set(['leave', 'let', 'lef']);
const LEFT_BE = new Set(['be', 'alone', 'where', 'as', 'there']);

/** Read the camera's predicate of rest or of being knocked about (see the file comment). */
export function readCameraPredicate(state: PassState): void {
  const { tokens, instruction } = state;
  if (instruction.camera.move !== null) return;
  for (let n = 0; n < tokens.length; n++) {
    // The camera noun, or it with a clitic 's ("camera's all over the place": is).
    const noun = tokens[n]?.lower ?? '';
    if (!CAMERA_NOUNS.has(noun) && !CAMERA_NOUNS.has(noun.replace(/['’]s$/, ''))) continue;
    let move: 'static' | 'shake' | null = null;
    let at = -1;
    // An imperative leaving the camera be: leave (the) camera be / alone / where it is.
    const before = tokens[n - 1]?.lower === 'the' || tokens[n - 1]?.lower === 'di' ? n - 2 : n - 1;
    if (before >= 0 && LEAVE.has(tokens[before]?.lower ?? '') && LEFT_BE.has(tokens[n + 1]?.lower ?? '') && !clauseBetween(state, before, n + 1)) {
      move = 'static';
      at = before;
    }
    for (let k = n + 1; move === null && k < tokens.length && k <= n + 5 && !clauseBetween(state, n, k); k++) {
      const t = tokens[k];
      if (!t) break;
      const lower = t.lower;
      const forms = [...t.forms, DIALECT[lower] ?? lower];
      if (STILL.has(lower)) move = 'static';
      // "all over (the place)": every way at once, the shake.
      else if (lower === 'all' && tokens[k + 1]?.lower === 'over' && !clauseBetween(state, k, k + 1)) move = 'shake';
      else if (forms.some((f) => isShakeVerb(f))) move = 'shake';
      else if (forms.some((f) => isRestVerb(f)) && !AUX.has(lower)) move = 'static';
      else if (AUX.has(lower)) continue;
      if (move !== null) at = k;
      break;
    }
    if (move === null || at < 0) continue;
    const t = tokens[at];
    if (!t) continue;
    // A negated predicate of rest is no still camera ("camera doesn't stay put"): left to the other passes.
    if (state.chosen.some((c) => c.domain === 'negation' && c.i > n && c.i < at)) continue;
    instruction.camera.move = move;
    const record: LexRecord = { span: t.lower, canonical: move, domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'cameraPredicate' };
    const covering = state.chosen.findIndex((c) => c.i <= at && c.j > at);
    const span: Chosen = { i: at, j: at + 1, start: t.start, end: t.end, record, domain: 'camera', canonical: move, negated: false, consumed: false, via: 'cameraPredicate' };
    if (covering >= 0 && state.chosen[covering]?.j === at + 1 && state.chosen[covering]?.i === at && state.chosen[covering]?.domain !== 'motion') state.chosen[covering] = span;
    else if (covering < 0) {
      state.chosen.push(span);
      state.chosen.sort((a, b) => a.i - b.i);
    }
    return;
  }
}

/** Whether token k's clause names the camera. */
function clauseNamesCamera(state: PassState, k: number): boolean {
  return state.tokens.some((t, m) => CAMERA_NOUNS.has(t.lower) && !clauseBetween(state, Math.min(m, k), Math.max(m, k)));
}

/** A move from a bare motion verb of another subject gives way to an explicit move word (see the file comment). */
export function preferExplicitMove(state: PassState): void {
  const { chosen, instruction } = state;
  const isMove = (c: Chosen | undefined): c is Chosen => c !== undefined && c.domain === 'camera' && !c.negated && isCameraMove(c.canonical);
  if (instruction.camera.move === null || isMove(state.cameraClauseSpan)) return;
  const first = chosen.find(isMove);
  if (!first || first.canonical !== instruction.camera.move || first.record.canonical !== 'move') return;
  // Said of the camera, or an imperative at its clause's start: the verb's own move stands.
  if (first.i === 0 || clauseBetween(state, first.i - 1, first.i) || clauseNamesCamera(state, first.i)) return;
  const explicit = chosen.find((c) => isMove(c) && c.record.domain === 'camera' && c.record.canonical !== 'move' && c.record.canonical !== 'camera' && clauseBetween(state, Math.min(c.i, first.i), Math.max(c.i, first.i)));
  if (!explicit || !isCameraMove(explicit.canonical)) return;
  instruction.camera.move = explicit.canonical;
}
