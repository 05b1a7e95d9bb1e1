// What the interpreter's passes share: the senses chosen for the prompt's stretches, which later passes
// rewrite (a bound direction becomes camera, a negated speed is swapped), and the prompt around them.
import type { Domain } from './domain.ts';
import type { Instruction } from './instruction.ts';
import type { LexRecord, Via } from './lexicon.ts';
import { breaksClause, type Token } from './tokenize.ts';


/** One chosen sense over tokens [i, j) of the prompt. */
export interface Chosen {
  i: number;
  j: number;
  start: number;
  end: number;
  record: LexRecord;
  /** Output domain/canonical when composition changed them (a bound direction becomes camera). */
  domain: Domain;
  canonical: string;
  negated: boolean;
  consumed: boolean;
  via: Via;
  /** Values this span implies beyond its own (the scene mechanism: "candles" → lighting low_key). */
  implies?: Record<string, string>;
}

/** The prompt and the state every pass reads and writes. */
export interface PassState {
  prompt: string;
  tokens: readonly Token[];
  /** gaps[k]: the text between token k − 1 and token k (before the first token for k = 0). */
  gaps: readonly string[];
  chosen: Chosen[];
  instruction: Instruction;
  /** Round 8: the span that carries the move the camera's own clause gives (read-camera-clause.ts), which beats a move word elsewhere. */
  cameraClauseSpan?: Chosen;
}

/** Whether a clause break lies between token a and token b (a < b). */
export function clauseBetween(state: PassState, a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (breaksClause(state.gaps[k] ?? '')) return true;
  return false;
}

/** Words a negator reaches over on its way to its content word (apply-negation.ts's five). */
const NEGATION_REACH = 5;

/**
 * Whether a negator of token k's clause stands before it within the negator's reach ("no storm", "not blaring",
 * "nothing deafening"): passes that read a value from an uncovered word after negation ran ask this, since
 * applyNegation only rewrote the spans that existed then.
 */
export function negatedInClause(state: PassState, k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - NEGATION_REACH; m--) {
    if (clauseBetween(state, m, k)) return false;
    if (state.chosen.some((c) => c.i <= m && c.j > m && c.domain === 'negation')) return true;
  }
  return false;
}

/** Append a value to a list unless it is there already. */
export function pushUnique<T>(list: T[], v: T): void {
  if (!list.includes(v)) list.push(v);
}
