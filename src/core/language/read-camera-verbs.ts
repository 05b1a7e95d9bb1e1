// Round 7 (#14): the camera's own verbs. People say what the camera does with any verb of motion ("the camera
// chases them to the right", "camera doesn't budge", "the camera swoops down", "camera eases in"), not only with the
// lexicon's move words. A verb of motion (WordNet: first sense in verb.motion) whose subject is the camera — a camera
// noun before it in its clause, with only function, intensity, hedge, negation, filler or speed words between — is a
// camera move: its direction is bound as any move's (a direction word after it, "to the right", "in"), else the one
// the verb carries by its troponymy ("descend", "swoop": down; "soar": up; "approach": in; "retreat": out); its speed
// is the one WordNet gives the verb ("chase"… fast, "mosey", "ease"… slow), as a move verb's implied speed. With no
// direction it is still a move that a negator can stop ("doesn't budge" → static). A verb of unsteady motion
// ("stumbling", "bounces", "wobbles") is the shake, and a verb or adjective of staying put ("hangs there", "fixed",
// "stationary") the still camera (WordNet synsets and troponyms, table `cameraManner`). Its span says via `cameraVerb`.
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import { CAMERA_NOUNS } from './camera-nouns.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { isMotionVerb, wordnetCameraManner, wordnetSense, wordnetVerbDirection } from './wordnet-meaning.ts';

/** Between the camera and its verb these may stand ("the camera slowly sweeps", "camera doesn't budge", "camera just"). */
const BETWEEN: ReadonlySet<Domain> = new Set(['function', 'intensity', 'hedge', 'negation', 'filler', 'motion']);
/** Readings a verb of the camera may replace: a thing ("rocks"), a genre ("chases": action). A place stays a place. */
const REPLACEABLE: ReadonlySet<Domain> = new Set(['subject', 'genre']);

/** Whether the span over token m names the camera ("camera", "cam", "the drone"). */
function namesCamera(state: PassState, m: number, c: Chosen | undefined): boolean {
  if (CAMERA_NOUNS.has(state.tokens[m]?.lower ?? '')) return true;
  return c !== undefined && c.record.domain === 'camera' && c.record.canonical === 'camera';
}

/** Whether the camera is the subject of the verb at token k: a camera noun before it, only light words between. */
function cameraSubject(state: PassState, k: number, at: (m: number) => Chosen | undefined): boolean {
  for (let m = k - 1; m >= Math.max(0, k - 4); m--) {
    if (clauseBetween(state, m, k)) return false;
    const c = at(m);
    if (namesCamera(state, m, c)) return true;
    if (!c || !BETWEEN.has(c.domain)) return false;
  }
  return false;
}

/** Make the camera's verbs of motion camera moves (see the file comment). */
export function readCameraVerbs(state: PassState): void {
  const { tokens, chosen } = state;
  // No camera named, no verb of the camera to read.
  if (!tokens.some((t) => CAMERA_NOUNS.has(t.lower)) && !chosen.some((c) => c.record.domain === 'camera' && c.record.canonical === 'camera')) return;
  // The span over each token, built only once a candidate verb is met (most prompts have none).
  const cover: (Chosen | undefined)[] = [];
  const at = (m: number): Chosen | undefined => {
    if (cover.length === 0) {
      cover.length = tokens.length;
      for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
    }
    return cover[m];
  };
  let added = false;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    const manner = t.forms.map((f) => wordnetCameraManner(f)).find((m) => m !== null) ?? null;
    const lemma = t.forms.find((f) => isMotionVerb(f));
    if ((lemma === undefined && manner === null) || CAMERA_NOUNS.has(t.lower)) continue;
    const covering = at(k);
    // A word the lexicon reads already (a move, a direction, a colour) keeps its reading; a speed WordNet gave the verb
    // ("running": fast) becomes the move's implied speed.
    const wordnetSpeed = covering?.domain === 'motion' && covering.via === 'wordnet';
    if (covering && (covering.j - covering.i !== 1 || !(REPLACEABLE.has(covering.domain) || wordnetSpeed))) continue;
    if (!cameraSubject(state, k, at)) continue;
    // A word right after a preposition or a determiner is no verb ("drone shot by the docks").
    const prev = tokens[k - 1];
    if (prev && (prev.tags.has('Preposition') || prev.tags.has('Determiner'))) continue;
    const cls = manner ?? 'move';
    const speed = wordnetSpeed ? covering.record.canonical : lemma !== undefined && wordnetSense(lemma)?.domain === 'motion' ? wordnetSense(lemma)?.canonical : undefined;
    const towards = (lemma !== undefined && manner === null ? wordnetVerbDirection(lemma) : null) ?? undefined;
    const record: LexRecord = { span: t.lower, canonical: cls, domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'cameraVerb', ...(speed ? { also: { motion: speed } } : {}), ...(towards ? { towards } : {}) };
    const span: Chosen = { i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'camera', canonical: cls, negated: false, consumed: false, via: 'cameraVerb' };
    cover[k] = span;
    if (covering) chosen[chosen.indexOf(covering)] = span;
    else {
      chosen.push(span);
      added = true;
    }
  }
  if (added) chosen.sort((a, b) => a.i - b.i);
}
