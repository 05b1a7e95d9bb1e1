// Pass 4 of the interpreter: numbers with units. A run of number words or digits followed by a unit in its
// clause: bpm → sound.bpm, Hz/kHz → sound.tone_hz (and the tone primitive), seconds/minutes → duration_s;
// a bare number after a tempo word is bpm; a round decade with "s" ("80s") is a retro style.
import { clauseBetween, pushUnique, type Chosen, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';

const DATE_PRECISION = 1000;
/** "808s", "1000s": an "s" written onto a number this large is a plural, not seconds. */
const MAX_ATTACHED_SECONDS = 600;

/** A run of number spans ("one hundred and sixty", "twenty five", "2.5"), joined by "and": its value and end. */
export function parseNumberRun(chosen: readonly Chosen[], k: number): { value: number; end: number } | null {
  let current = 0;
  let m = k;
  let any = false;
  while (m < chosen.length) {
    const c = chosen[m];
    if (!c) break;
    if (c.record.domain === 'number') {
      const v = Number(c.record.canonical);
      if (!Number.isFinite(v)) break;
      const prevSpan = chosen[m - 1]?.record.span ?? '';
      if (v === 100 || v === 1000) current = (current || 1) * v;
      // Spoken hundreds: "one-twenty", "one fifty" (a digit word, then tens) are 120 and 150.
      else if (current >= 1 && current <= 9 && v >= 10 && v <= 99 && !/\p{Nd}/u.test(c.record.span) && !/\p{Nd}/u.test(prevSpan)) current = current * 100 + v;
      else current += v;
      any = true;
      m++;
      continue;
    }
    if (any && c.record.span === 'and' && chosen[m + 1]?.record.domain === 'number') {
      m++;
      continue;
    }
    break;
  }
  return any ? { value: current, end: m } : null;
}

/** A round decade as written before an "s": 20–90, or a year 1800–2090 ending in 0. */
function isDecade(n: number): boolean {
  return Number.isInteger(n) && n % 10 === 0 && ((n >= 20 && n <= 90) || (n >= 1800 && n <= 2090));
}

/** Read numbers with their units into the instruction and mark the spans they used. */
export function composeNumbers(state: PassState): void {
  const { chosen, tokens, gaps, instruction } = state;
  let lastDurationUnit = -2;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c) continue;
    const isAOne = (c.record.domain === 'function' && (c.record.span === 'a' || c.record.span === 'an')) || c.record.domain === 'number';
    if (!isAOne) continue;
    const run = c.record.domain === 'number' ? parseNumberRun(chosen, k) : { value: 1, end: k + 1 };
    if (!run) continue;
    const unit = chosen[run.end];
    // A bare number right after a tempo word ("tempo of 72", "a beat at 90") is beats per minute.
    const tempoBefore = c.record.domain === 'number' && [chosen[k - 1], chosen[k - 2]].some((o) => o && o.record.domain === 'tempo' && o.record.canonical === 'tempo' && !clauseBetween(state, o.i, c.i));
    if (tempoBefore && (!unit || (unit.record.domain !== 'unit' && unit.record.domain !== 'duration' && unit.record.domain !== 'tempo')) && run.value >= 20 && run.value <= 400) {
      instruction.sound.bpm ??= run.value;
      for (let m = k; m < run.end; m++) {
        const n = chosen[m];
        if (n && n.record.domain === 'number') n.domain = 'tempo';
      }
      k = run.end - 1;
      continue;
    }
    const lastOfRun = chosen[run.end - 1];
    if (!unit || !lastOfRun || clauseBetween(state, lastOfRun.j - 1, unit.i)) continue;
    const u = unit.record.canonical;
    const value = run.value;
    const attachedS = gaps[unit.i] === '' && tokens[unit.i]?.lower === 's';
    let domain: Domain | null = null;
    // "80s", "1970s": a decade (an "s" written onto a round number), not seconds; it reads as a retro style.
    if (u === 's' && c.record.domain === 'number' && run.end === k + 1 && attachedS && isDecade(value)) {
      c.domain = 'style';
      c.canonical = 'retro';
      unit.domain = 'style';
      unit.canonical = 'retro';
      unit.consumed = true;
      c.consumed = true;
      pushUnique(instruction.narrative.style, 'retro');
      k = run.end;
      continue;
    }
    if (u === 'bpm' && value > 0 && value <= 1000) {
      instruction.sound.bpm ??= value;
      domain = 'tempo';
    } else if ((u === 'hz' || u === 'khz') && value > 0) {
      instruction.sound.tone_hz ??= u === 'khz' ? value * 1000 : value;
      domain = 'sound';
    } else if ((u === 's' || u === 'min') && unit.record.domain === 'duration' && value > 0 && !(attachedS && value > MAX_ATTACHED_SECONDS)) {
      const seconds = u === 'min' ? value * 60 : value;
      // "1 minute 30 seconds": a duration straight after another adds to it.
      if (instruction.duration_s !== null && lastDurationUnit === k - 1) instruction.duration_s += seconds;
      else instruction.duration_s ??= seconds;
      instruction.duration_s = Math.round(instruction.duration_s * DATE_PRECISION) / DATE_PRECISION;
      lastDurationUnit = run.end;
      domain = 'duration';
    }
    if (!domain) continue;
    if (c.record.domain === 'number') {
      for (let m = k; m < run.end; m++) {
        const n = chosen[m];
        if (n && n.record.domain === 'number') {
          n.domain = domain;
          n.canonical = String(value);
        }
      }
    }
    unit.consumed = true;
    if (domain === 'sound' && !instruction.sound.primitives.includes('tone')) instruction.sound.primitives.push('tone');
    k = run.end;
  }
}
