// Negation and hedges reach the values (issue #11.6, #14 mechanism e): each phrase ALONE, so a rule that
// only works with a second word's help (the "not fast" bug: negated spans skipped before the value was
// composed) cannot hide behind it. Decision for "not slow": fast (the speed turned round); "not too slow",
// softened by "too", is medium (docs/interpretation.md).
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const alone = (p: string) => interpret(p).instruction;

describe('negation reaches the value, phrase alone', () => {
  it.each([
    ['not fast', 'slow'],
    ['not slow', 'fast'],
    ['not too fast', 'slow'],
    ['not too slow', 'medium'],
    ["it's not very fast", 'slow'],
    ['not quick', 'slow'],
    ['not moving', 'still'],
    ['no movement', 'still'],
  ])('%s → motion.level %s', (prompt, level) => {
    expect(alone(prompt).motion.level).toBe(level);
  });

  it('no camera movement → camera static, motion still', () => {
    const i = alone('no camera movement');
    expect(i.camera.move).toBe('static');
    expect(i.motion.level).toBe('still');
  });

  it("don't pan → static", () => {
    expect(alone("don't pan").camera.move).toBe('static');
  });

  it('no sound → silence, presence absent', () => {
    const i = alone('no sound');
    expect(i.sound.primitives).toEqual(['silence']);
    expect(i.sound.presence).toBe('absent');
  });

  it('no red → red excluded, nothing else added', () => {
    expect(alone('no red').palette.primitives).toEqual([]);
  });

  it('a negated speed span carries the value it gave', () => {
    const span = alone('not fast').spans.find((s) => s.text === 'fast');
    expect(span?.canonical).toBe('slow');
    expect(span?.domain).toBe('motion');
  });
});

describe('hedges lower the value, phrase alone', () => {
  it.each([
    ['hardly any sound', null],
    ['hardly any noise', 'hiss'],
    ['barely any music', 'tone'],
    ['scarcely any wind', 'hiss'],
    ['not much sound', null],
  ])('%s → presence sparse (primitive %s)', (prompt, prim) => {
    const i = alone(prompt);
    expect(i.sound.presence).toBe('sparse');
    expect(i.sound.primitives).toEqual(prim ? [prim] : []);
  });

  it.each(['hardly any camera movement', 'barely any motion', 'hardly moving'])('%s → motion slow, no move', (prompt) => {
    const i = alone(prompt);
    expect(i.motion.level).toBe('slow');
    expect(i.camera.move).toBe(null);
  });

  it.each(['hardly any light', 'not much light'])('%s → low key', (prompt) => {
    expect(alone(prompt).lighting).toBe('low_key');
  });
});
