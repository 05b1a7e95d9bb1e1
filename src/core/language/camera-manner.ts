// Round 5 of #14: manner phrases that say a camera move across the words a move class binds. An oscillation
// ("side to side", "back and forth", "to and fro", "up and down") said in a clause with the camera is a shaking
// camera ("the camera rocking side to side", "camera swaying back and forth"); a rotation direction
// ("anticlockwise", "clockwise") anywhere in the prompt turns the prompt's roll or spin, even in another clause
// ("a spinning shot of a carousel, anticlockwise"). The spans say so with via `manner`.
import { clauseBetween, type Chosen, type PassState } from './chosen.ts';
import { CAMERA_NOUNS } from './camera-nouns.ts';
import { isCameraMove } from './compose-camera.ts';

/** Verb lemmas of turning about an axis: a rotation direction anywhere in the prompt is their way round. */
const ROTATION_VERBS: ReadonlySet<string> = new Set(['spin', 'spinning', 'rotate', 'rotating', 'revolve', 'revolving', 'twirl', 'twirling', 'whirl', 'whirling', 'roll', 'rolling', 'spiral', 'spiralling', 'spiraling', 'turn', 'turning']);
/** What an oscillation phrase's own words may be read as before this pass ("side to side": a gradient path). */
const PHRASE_DOMAINS: ReadonlySet<string> = new Set(['gradient', 'direction', 'plot', 'function', 'subject', 'filler', 'camera']);
/** Two-way phrases: a thing that goes both ways and back again. */
const BOTH_WAYS = [['back', 'and', 'forth'], ['to', 'and', 'fro'], ['back', 'and', 'forward'], ['up', 'and', 'down']];

/** The end (exclusive) of an oscillation phrase starting at token k ("side to side", "back and forth"), or -1. */
function oscillationAt(state: PassState, k: number): number {
  const w = (m: number): string => state.tokens[m]?.lower ?? '';
  if (w(k) !== '' && w(k + 1) === 'to' && w(k + 2) === w(k) && w(k) !== 'to') return k + 3;
  for (const phrase of BOTH_WAYS) if (phrase.every((p, n) => w(k + n) === p)) return k + phrase.length;
  return -1;
}

/** Whether the clause around tokens [i, j) names the camera (a camera span or a camera noun). */
function cameraInClause(state: PassState, i: number, j: number): boolean {
  for (let m = 0; m < state.tokens.length; m++) {
    if (m >= i && m < j) continue;
    const a = Math.min(m, i);
    const b = Math.max(m, j - 1);
    if (clauseBetween(state, a, b)) continue;
    const t = state.tokens[m];
    if (t && CAMERA_NOUNS.has(t.lower)) return true;
    if (state.chosen.some((c) => c.i <= m && c.j > m && c.domain === 'camera')) return true;
  }
  return false;
}

function mannerSpan(state: PassState, i: number, j: number, canonical: string, span: string): Chosen | null {
  const first = state.tokens[i];
  const last = state.tokens[j - 1];
  if (!first || !last) return null;
  return { i, j, start: first.start, end: last.end, record: { span, canonical, domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'manner' }, domain: 'camera', canonical, negated: false, consumed: true, via: 'manner' };
}

/** Oscillations said of the camera become its shake; moves of the same clause become the shake too. */
function readOscillation(state: PassState): void {
  const { tokens, chosen } = state;
  for (let k = 0; k < tokens.length; k++) {
    const end = oscillationAt(state, k);
    if (end < 0 || !cameraInClause(state, k, end)) continue;
    // A stretch reaching outside the phrase keeps its reading; the phrase's own readings give way unless one has a
    // value of its own ("wall-to-wall" is a full sound).
    if (chosen.some((c) => c.i < end && c.j > k && (c.i < k || c.j > end || !PHRASE_DOMAINS.has(c.domain)))) continue;
    for (let m = chosen.length - 1; m >= 0; m--) {
      const c = chosen[m];
      if (c && c.i >= k && c.j <= end) chosen.splice(m, 1);
    }
    for (const c of chosen) {
      if (c.domain === 'camera' && !c.negated && isCameraMove(c.canonical) && c.j <= k && !clauseBetween(state, c.j - 1, k)) {
        c.canonical = 'shake';
        c.via = 'manner';
      }
    }
    const span = mannerSpan(state, k, end, 'shake', tokens.slice(k, end).map((t) => t.lower).join(' '));
    if (span) chosen.push(span);
    chosen.sort((a, b) => a.i - b.i);
    k = end - 1;
  }
}

/** A rotation direction no move took turns the prompt's roll, or is the roll itself when a turning word is there. */
function readRotation(state: PassState): void {
  const { tokens, chosen } = state;
  const dir = chosen.find((c) => c.record.domain === 'direction' && c.domain === 'direction' && !c.consumed && (c.record.canonical === 'cw' || c.record.canonical === 'ccw'));
  if (!dir) return;
  const roll = dir.record.canonical === 'cw' ? 'roll_cw' : 'roll_ccw';
  const rolls = chosen.filter((c) => c.domain === 'camera' && (c.canonical === 'roll_cw' || c.canonical === 'roll_ccw'));
  const otherMove = chosen.some((c) => c.domain === 'camera' && isCameraMove(c.canonical) && c.canonical !== 'roll_cw' && c.canonical !== 'roll_ccw');
  const turning = tokens.some((t) => t.forms.some((f) => ROTATION_VERBS.has(f)));
  if (rolls.length === 0 && (!turning || otherMove)) return;
  for (const c of rolls) {
    c.canonical = roll;
    c.via = 'manner';
  }
  dir.domain = 'camera';
  dir.canonical = roll;
  dir.consumed = true;
  dir.via = 'manner';
}

/** Read the camera's manner phrases (after the moves are composed, before the fields are settled). */
export function readCameraManner(state: PassState): void {
  readOscillation(state);
  readRotation(state);
}
