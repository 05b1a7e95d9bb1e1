// Mechanism (c) of #14: the lighting a scene implies when no lighting word says it. Light sources (candles,
// lamps, neon, the moon → low key; the sun, floodlights → high key) outrank darkness and brightness words
// (dark, dim → low key; blazing, blinding → high key; overcast, dreich → flat), which outrank the time of
// day (night, 3am → low key). Explicit lighting words always win: this pass runs only when `lighting` is
// still null. The word that implied it says so: its span gets `implies: {lighting}`, or, when the word had
// no span, a span of domain lighting with via `implied`.
import type { Lighting } from '../vocab/index.ts';
import data from './data/implied-light.json';
import type { PassState } from './chosen.ts';

type Tiered = Record<'low_key' | 'high_key' | 'flat', string[] | undefined>;
const TIERS = ['source', 'tone', 'time'] as const;
const RAW = data as unknown as Record<(typeof TIERS)[number], Partial<Tiered>>;

/** Phrase (one or two words) → [tier rank, lighting]; lower rank is stronger. */
const CLASSES = new Map<string, [number, Lighting]>();
TIERS.forEach((tier, rank) => {
  for (const [lighting, words] of Object.entries(RAW[tier])) for (const w of words ?? []) if (!CLASSES.has(w)) CLASSES.set(w, [rank, lighting as Lighting]);
});

/** A clock time at night ("3am", "11 pm") as the token index of its number, or -1. */
function nightHour(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  const next = state.tokens[k + 1];
  if (!t || !t.isNumber || !next || (next.lower !== 'am' && next.lower !== 'pm')) return false;
  const h = Number(t.lower);
  return next.lower === 'am' ? h === 12 || h <= 4 : h >= 9 && h <= 11;
}

/** Set `lighting` from the scene when the prompt names none; record on the implying span. */
export function implyLighting(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.lighting !== null) return;
  let best: { rank: number; lighting: Lighting; i: number; j: number } | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    const two = tokens[k + 1] && /^\s+$/.test(state.gaps[k + 1] ?? '') ? `${t.lower} ${tokens[k + 1]?.lower ?? ''}` : '';
    let hit: [number, Lighting] | undefined;
    let j = k + 1;
    if (two && CLASSES.has(two)) {
      hit = CLASSES.get(two);
      j = k + 2;
    }
    for (const f of t.forms) if (!hit) hit = CLASSES.get(f);
    if (!hit && nightHour(state, k)) {
      hit = [2, 'low_key'];
      j = k + 2;
    }
    if (hit && (!best || hit[0] < best.rank)) best = { rank: hit[0], lighting: hit[1], i: k, j };
  }
  if (!best) return;
  instruction.lighting = best.lighting;
  const { i, j, lighting } = best;
  const covering = chosen.find((c) => c.i <= i && c.j > i);
  if (covering) {
    covering.implies = { ...covering.implies, lighting };
    return;
  }
  const first = tokens[i];
  const last = tokens[j - 1];
  if (!first || !last) return;
  // Only words no span covers get a span of their own, so every word stays in exactly one span.
  const end = chosen.some((c) => c.i > i && c.i < j) ? i + 1 : j;
  const lastTok = tokens[end - 1] ?? first;
  chosen.push({ i, j: end, start: first.start, end: lastTok.end, record: { span: first.lower, canonical: lighting, domain: 'lighting', variant: 'synonym', source: 'built-in', mechanism: 'implied' }, domain: 'lighting', canonical: lighting, negated: false, consumed: true, via: 'implied', implies: { lighting } });
  chosen.sort((a, b) => a.i - b.i);
}
