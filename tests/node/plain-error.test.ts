// What a person reads when Interpret refuses a prompt: a sentence, not "TypeError: …" or "PromptTooLongError: …",
// and one count for one text (Create trims the ends before counting; Interpret now does the same).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROMPT_MESSAGE, plainError, promptCountText } from '../../src/app/plain-error.ts';
import { AppSession } from '../../src/app/session.ts';
import { interpret, PromptTooLongError } from '../../src/core/language/interpret.ts';
import { EmptyPromptError } from '../../src/loop/user-clip.ts';

let n = 0;
const fresh = () => AppSession.open(`plain-error-${n++}-${Date.now()}`);

describe('plain errors for refused prompts', () => {
  it('an empty prompt, recorded or not, is refused in words and nothing is stored', async () => {
    const s = await fresh();
    const before = await s.counts();
    await expect(s.interpretAndRecord('  \n ')).rejects.toThrow(EMPTY_PROMPT_MESSAGE);
    expect(s.store.state.interpretation?.error).toBe(EMPTY_PROMPT_MESSAGE);
    await expect(s.interpret('')).rejects.toThrow(EMPTY_PROMPT_MESSAGE);
    expect(s.store.state.interpretation?.error).not.toMatch(/Error:/);
    expect(await s.counts()).toEqual(before);
    s.close();
  });

  it('a prompt over the limit: the same count in the error and the counter, written for a person', async () => {
    const s = await fresh();
    const text = `${'blue sea '.repeat(1244)}\n`; // 11,197 characters as typed, 11,195 without the space and line break at its end
    expect(text.length).toBe(11_197);
    await expect(s.interpretAndRecord(text)).rejects.toThrow(PromptTooLongError);
    const shown = s.store.state.interpretation?.error ?? '';
    expect(shown).toBe('The prompt is 11,195 characters long; the limit is 10,000. Shorten it by 1,195 and try again.');
    expect(promptCountText(text)).toEqual({ text: '11,195 / 10,000 characters: 1,195 too many', over: true });
    expect(promptCountText('a teal sea')).toEqual({ text: '10 / 10,000 characters', over: false });
    expect((await s.counts()).interpretation).toBe(0);
    s.close();
  });

  it('maps the refusals to their sentences and keeps the name of anything else', () => {
    let thrown: unknown;
    try {
      interpret('x'.repeat(10_001));
    } catch (err) {
      thrown = err;
    }
    expect(plainError(thrown)).toBe('The prompt is 10,001 characters long; the limit is 10,000. Shorten it by 1 and try again.');
    expect(plainError(new EmptyPromptError())).toBe(new EmptyPromptError().message);
    expect(plainError(new DOMException('x', 'AbortError'))).toBe('Cancelled: nothing was kept.');
    expect(plainError(new RangeError('boom'))).toBe('RangeError: boom');
  });
});
