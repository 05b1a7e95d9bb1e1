// Round 8 (#14): the camera's clause. People say what the camera does in a clause of its own ("camera just sits
// there", "camera jus a drift to di right", "camera go pan from left go right", "camera pulls back up and away",
// "camera a shake up"), and the move is that clause's verb with its particles and path, not a move word found anywhere.
// A clause names the camera (a camera noun, "the camera", "the shot", "cam"); its verb is the first word after the
// camera noun (past function, intensity, hedge, negation, filler words and short dialect auxiliaries: "dey", "a",
// "jus") that is a camera word of the lexicon, a verb of unsteady motion (the shake), of staying put (WordNet's sit,
// stay, rest, linger: a still camera) or of travel (WordNet's verb.motion: "shift", "follow", "drift"); or, with
// none after it, a verb just before it ("hold the shot", "move di camera"). Inside that clause only, its direction
// is the destination of a path ("from left go right", "left to right" → right), else a particle of retreat ("back",
// "away", "out": out) before any other direction word; "all over" is the shake. The reading replaces the clause's camera spans (the camera
// noun that bound a stray "up" in "shake up" included), and, once the camera's clause has given a move, a move word
// after a determiner or preposition in a clause that does not name the camera is a thing ("in a pan over high heat",
// "the pan sizzles"). Spans it makes or changes say via `cameraClause`.
import type { CameraMove } from '../vocab/index.ts';
import { CAMERA_NOUNS } from './camera-nouns.ts';
import type { Chosen, PassState } from './chosen.ts';
import { composeMove, isCameraMove } from './compose-camera.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { breaksClause } from './tokenize.ts';
import { isMotionVerb, wordnetCameraManner } from './wordnet-meaning.ts';
import { isStayVerb, isTravelVerb } from './wordnet-clauses.ts';

/** Between the camera noun and its verb these may stand. */
const BETWEEN: ReadonlySet<Domain> = new Set(['function', 'intensity', 'hedge', 'negation', 'filler', 'approval']);
/** A camera span's class the clause's path completes. */
const CLASSES = new Set(['pan', 'tilt', 'zoom', 'roll', 'move', 'camera']);
/** Direction words as the clause's path reads them (the word itself, whatever span covers it: "to di right"). */
const DIRECTIONS: Readonly<Record<string, string>> = {
  left: 'left', right: 'right', up: 'up', down: 'down', upward: 'up', upwards: 'up', downward: 'down', downwards: 'down',
  top: 'up', bottom: 'down', in: 'in', closer: 'in', forward: 'in', forwards: 'in', out: 'out', back: 'out', away: 'out', backwards: 'out', backward: 'out',
  clockwise: 'cw', anticlockwise: 'ccw', counterclockwise: 'ccw', cw: 'cw', ccw: 'ccw',
};
/** Words that lead to a path's destination ("from left go right", "from the top to the bottom", "left reach right"). */
const TOWARDS = new Set(['to', 'go', 'till', 'until', 'towards', 'toward', 'into', 'reach', 'reaching', 'then']);
const RETREAT = new Set(['back', 'away', 'backwards', 'backward']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'his', 'her', 'their', 'my', 'our', 'your', 'its', 'in', 'on', 'of', 'with', 'over', 'under']);

/** The clause index of every token (a clause ends at `, ; : . ! ?` or a dash). */
function clauseIndex(state: PassState): number[] {
  const out: number[] = [];
  let n = 0;
  state.tokens.forEach((_, k) => {
    if (k > 0 && breaksClause(state.gaps[k] ?? '')) n++;
    out.push(n);
  });
  return out;
}

/** Whether tokens k, k + 1 are "all over" (a camera going every way at once: the shake). */
function scatteredAt(state: PassState, k: number): boolean {
  return state.tokens[k]?.lower === 'all' && state.tokens[k + 1]?.lower === 'over' && !breaksClause(state.gaps[k + 1] ?? '');
}

/** What a verb of the camera's clause says: a full move, a class the path completes, or nothing. */
function verbReading(state: PassState, k: number, c: Chosen | undefined): { move?: CameraMove; cls?: string } | null {
  if (c && c.record.domain === 'camera') {
    const canon = c.record.canonical;
    if (isCameraMove(canon)) return { move: canon };
    if (CLASSES.has(canon)) return { cls: canon === 'camera' ? 'move' : canon };
    return null;
  }
  const t = state.tokens[k];
  if (!t) return null;
  // A word the lexicon reads as a colour, a place, a sound… keeps that reading.
  // A speed word of the lexicon ("still", "slow") keeps its reading; WordNet's speed of a verb ("running") or a movement
  // noun read from a verb ("move") gives way.
  const movement = c?.domain === 'motion' && (c.via === 'wordnet' || c.canonical === 'motion');
  if (c && !(c.j - c.i === 1 && (c.domain === 'subject' || movement || c.domain === 'genre' || c.domain === 'sound'))) return null;
  for (const f of t.forms) {
    const manner = wordnetCameraManner(f);
    if (manner) return { move: manner };
    if (isStayVerb(f)) return { move: 'static' };
  }
  if (t.forms.some((f) => isTravelVerb(f) || isMotionVerb(f))) return { cls: 'move' };
  return null;
}

/** The clause's direction after token `from`: a path's destination, else retreat, else the first direction word. */
function clauseDirection(state: PassState, cover: readonly (Chosen | undefined)[], clause: number[], clauseOf: number, from: number): string | null {
  const { tokens } = state;
  const words: { k: number; dir: string }[] = [];
  for (let k = from; k < tokens.length && clause[k] === clauseOf; k++) {
    const lower = tokens[k]?.lower ?? '';
    const c = cover[k];
    // A direction span reads as its value ("anti-clockwise", a slip: "rigth"), once; another word as itself ("to di right").
    const d = c && c.record.domain === 'direction' ? (c.i === k ? DIRECTIONS[c.record.canonical] : undefined) : DIRECTIONS[lower];
    if (!d) continue;
    // "in", "out" before a determiner or after the verb's next word are prepositions ("follows the dog in the park").
    if ((d === 'in' || d === 'out') && (k > from + 1 || DETERMINERS.has(tokens[k + 1]?.lower ?? '') && clause[k + 1] === clauseOf)) continue;
    words.push({ k, dir: d });
  }
  // A path: a direction, then a word leading on, then another direction ("from left go right", "left to right").
  for (let a = 0; a + 1 < words.length; a++) {
    const x = words[a];
    const y = words[a + 1];
    if (!x || !y || y.k - x.k > 4) continue;
    const between = tokens.slice(x.k + 1, y.k + 1).map((t) => t.lower);
    if (between.some((w) => TOWARDS.has(w))) return y.dir;
  }
  if (words.some((w) => RETREAT.has(tokens[w.k]?.lower ?? ''))) return 'out';
  return words[0]?.dir ?? null;
}

/** Read the camera's clause (see the file comment). */
export function readCameraClause(state: PassState): void {
  const { tokens, chosen } = state;
  if (!tokens.some((t) => CAMERA_NOUNS.has(t.lower))) return;
  const clause = clauseIndex(state);
  const cover: (Chosen | undefined)[] = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  const cameraClauses = new Set<number>();
  let read = false;
  for (let n = 0; n < tokens.length; n++) {
    if (!CAMERA_NOUNS.has(tokens[n]?.lower ?? '')) continue;
    const cl = clause[n] ?? -1;
    cameraClauses.add(cl);
    // The verb after the camera noun, else one just before it (an imperative: "hold the shot", "move di camera").
    let verb: { k: number; reading: { move?: CameraMove; cls?: string } } | null = null;
    // A phrase that is the camera's move with its noun ("camera shaking", "camera work all over") reads as itself.
    const own = cover[n];
    if (own && own.j - own.i > 1 && own.domain === 'camera' && isCameraMove(own.canonical)) verb = { k: n, reading: { move: own.canonical } };
    for (let k = n + 1; !verb && k < tokens.length && clause[k] === cl && k <= n + 5; k++) {
      const c = cover[k];
      if (CAMERA_NOUNS.has(tokens[k]?.lower ?? '')) continue;
      // "all over (the place)" said of the camera: it goes every way at once, the shake.
      const reading = scatteredAt(state, k) ? { move: 'shake' as const } : verbReading(state, k, c);
      if (reading) {
        verb = { k, reading };
        break;
      }
      const short = !c && (tokens[k]?.lower.length ?? 9) <= 3;
      if (!short && !(c && BETWEEN.has(c.domain))) break;
    }
    if (!verb) {
      for (let k = n - 1; k >= 0 && clause[k] === cl && k >= n - 3; k--) {
        const c = cover[k];
        const reading = verbReading(state, k, c);
        if (reading) {
          verb = { k, reading };
          break;
        }
        if (c && !BETWEEN.has(c.domain)) break;
      }
    }
    if (!verb) continue;
    let move = verb.reading.move ?? null;
    if (!move) {
      // The most specific class of the clause's camera words ("camera go pan from left go right": pan).
      let cls = verb.reading.cls ?? 'move';
      for (let k = n; k < tokens.length && clause[k] === cl; k++) {
        const c = cover[k];
        if (c && c.record.domain === 'camera' && CLASSES.has(c.record.canonical) && c.record.canonical !== 'camera' && c.record.canonical !== 'move') {
          cls = c.record.canonical;
          break;
        }
      }
      let scattered = false;
      for (let k = verb.k + 1; k < tokens.length && clause[k] === cl; k++) scattered ||= scatteredAt(state, k);
      const dir = scattered ? 'shake' : clauseDirection(state, cover, clause, cl, Math.max(n, verb.k) + 1);
      if (!dir) {
        // No direction: still a move of the camera, which a negator stops ("the camera does not shift at all").
        if (!cover[verb.k]) markMove(state, cover, verb.k);
        continue;
      }
      move = dir === 'shake' ? 'shake' : composeMove(cls, dir);
    }
    if (!move) continue;
    read = true;
    applyReading(state, cover, clause, cl, verb.k, move);
  }
  if (!read) return;
  // A move word after a determiner or preposition in a clause that does not name the camera is a thing.
  for (const c of chosen) {
    if (c.domain !== 'camera' || cameraClauses.has(clause[c.i] ?? -1) || c.j - c.i !== 1) continue;
    const prev = tokens[c.i - 1];
    if (!prev || !DETERMINERS.has(prev.lower)) continue;
    c.domain = 'subject';
    c.canonical = tokens[c.i]?.lower ?? c.canonical;
    c.via = 'cameraClause';
  }
}

/** A verb of the camera with no direction: a move class span (no move of its own), for a negator to reach. */
function markMove(state: PassState, cover: (Chosen | undefined)[], k: number): void {
  const t = state.tokens[k];
  if (!t) return;
  const record: LexRecord = { span: t.lower, canonical: 'move', domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'cameraClause' };
  const span: Chosen = { i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'camera', canonical: 'move', negated: false, consumed: false, via: 'cameraClause' };
  state.chosen.push(span);
  state.chosen.sort((a, b) => a.i - b.i);
  cover[k] = span;
}

/** The clause's move on its verb and on every camera span of the clause. */
function applyReading(state: PassState, cover: (Chosen | undefined)[], clause: number[], cl: number, k: number, move: CameraMove): void {
  const { tokens, chosen } = state;
  for (const c of chosen) {
    if (clause[c.i] !== cl || c.domain !== 'camera' || c.canonical === move || !isCameraMove(c.canonical)) continue;
    if (c.negated) continue;
    c.canonical = move;
    c.via = 'cameraClause';
  }
  const c = cover[k];
  if (c && c.domain === 'camera') {
    // The verb's own span carries the clause's move ("follow" read as a move class gets pan_right).
    if (c.canonical !== move && !c.negated) {
      c.canonical = move;
      c.via = 'cameraClause';
    }
    state.cameraClauseSpan ??= c;
    return;
  }
  const t = tokens[k];
  if (!t) return;
  const record: LexRecord = { span: t.lower, canonical: move, domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'cameraClause' };
  const span: Chosen = { i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'camera', canonical: move, negated: false, consumed: false, via: 'cameraClause' };
  if (c) chosen[chosen.indexOf(c)] = span;
  else {
    chosen.push(span);
    chosen.sort((a, b) => a.i - b.i);
  }
  cover[k] = span;
  state.cameraClauseSpan ??= span;
}
