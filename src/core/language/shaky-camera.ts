// Round 3 of #14: an adjective of shaking said of the camera ("choppy camera", "wobbly cam", "jerky footage") is a
// shaking camera. The adjectives are WordNet's synsets of jerky, shaky, unsteady, wobbly and jittery (reduced at build
// time, `shaky`); only right before a camera noun of its clause, so "a choppy sea" stays a sea.
import { type PassState } from './chosen.ts';
import { CAMERA_NOUNS } from './camera-nouns.ts';
import { isShakyWord } from './wordnet-meaning.ts';

/** Read "<shaky adjective> <camera noun>" as the shake move, on the adjective's span (via `syntax`). */
export function readShakyCamera(state: PassState): void {
  const { tokens, chosen, gaps } = state;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (!t || !next || !/^\s+$/.test(gaps[k + 1] ?? '') || !CAMERA_NOUNS.has(next.lower)) continue;
    if (!t.forms.slice(0, t.exactForms).some((f) => isShakyWord(f))) continue;
    // Only a word no longer stretch reaches into; its own reading gives way.
    if (chosen.some((c) => c.i <= k && c.j > k && c.j - c.i > 1)) continue;
    const at = chosen.findIndex((c) => c.i === k);
    if (at >= 0 && chosen[at]?.domain === 'camera') continue;
    if (at >= 0) chosen.splice(at, 1);
    chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record: { span: t.lower, canonical: 'shake', domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'syntax' }, domain: 'camera', canonical: 'shake', negated: false, consumed: false, via: 'syntax' });
    chosen.sort((a, b) => a.i - b.i);
  }
}
