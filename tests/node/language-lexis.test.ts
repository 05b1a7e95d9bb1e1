// #14 round 9 (lexis): spelling guards, gradients said as a change across the frame, lighting implied by the
// words around a light; invented sentences, none from the human-written sets.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const read = (p: string) => interpret(p).instruction;
const span = (p: string, text: string) => read(p).spans.find((s) => s.text === text);

describe('what the spelling pass may not correct', () => {
  it('a g-dropped word whose -ing form is a word is no slip', () => {
    expect(span('the stew is cookin on the hob', 'cookin')?.via).not.toBe('spelling');
    expect(span('folk walkin their dogs by the canal', 'walkin')?.via).not.toBe('spelling');
    expect(span('everyone talkin at once in the pub', 'talkin')?.via).not.toBe('spelling');
  });

  it('a word capitalised inside a sentence is a name, unless the prompt is in title case', () => {
    expect(span('the Cleary kids playing hurling', 'Cleary')?.via).not.toBe('spelling');
    expect(span('a Rangi haka at the game', 'Rangi')?.via).not.toBe('spelling');
    expect(span('Camrea pans left over the fields', 'Camrea')?.via).toBe('spelling');
    expect(span('Slow Pan Over The Sunny Beahc', 'Beahc')?.via).toBe('spelling');
  });

  it('a slip written in lower case is still corrected', () => {
    expect(span('a sunny beahc, pan right', 'beahc')?.canonical).toBe('beach');
    expect(read('camrea pans rihgt').camera.move).toBe('pan_right');
  });
});
