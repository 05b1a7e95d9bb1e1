// A failure as a person reads it. Refusals of their input (an empty prompt, one too long, one with nothing
// understood, a cancel) are sentences with a next step; anything else keeps its error name, for a bug report.
// The registry's limit (the same 10,000 as the interpreter's): importing the interpreter here would load its lexicon with the first paint.
import { MAX_PROMPT_CHARS } from '../core/registry/import-invariants.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The sentence shown for an empty prompt (Interpret and Create refuse it before any work). */
export const EMPTY_PROMPT_MESSAGE = 'Type a prompt first: an empty prompt has nothing to read.';

/** A prompt's length as both views count it: the text without the spaces and line breaks at its ends. */
export function promptLength(prompt: string): number {
  return prompt.trim().length;
}

/** What the prompt counter says: "123 / 10,000 characters", and by how much a prompt over the limit must shrink. */
export function promptCountText(prompt: string): { text: string; over: boolean } {
  const n = promptLength(prompt);
  const over = n > MAX_PROMPT_CHARS;
  return { text: `${count(n)} / ${count(MAX_PROMPT_CHARS)} characters${over ? `: ${count(n - MAX_PROMPT_CHARS)} too many` : ''}`, over };
}

/** What a cancelled operation says (an AbortError). */
export const CANCELLED_MESSAGE = 'Cancelled: nothing was kept.';

/** A thrown error as one plain sentence for the error line. */
export function plainError(err: unknown): string {
  const e = err instanceof Error ? err : null;
  if (!e) return `Error: ${String(err)}`;
  switch (e.name) {
    case 'AbortError':
      return CANCELLED_MESSAGE;
    case 'PromptTooLongError': {
      const n = (e as Error & { length?: unknown }).length;
      return typeof n === 'number'
        ? `The prompt is ${count(n)} characters long; the limit is ${count(MAX_PROMPT_CHARS)}. Shorten it by ${count(n - MAX_PROMPT_CHARS)} and try again.`
        : e.message;
    }
    case 'EmptyPromptError':
    case 'NothingUnderstoodError':
    case 'NotRemovableError':
      return e.message;
    default:
      return `${e.name}: ${e.message}`;
  }
}
