// The Create view's "could not give" line names only what the person asked: the spec's unmet list also holds values
// the registries chose themselves (a radial gradient no one asked for, made flat), which the summary had already
// called "the registries choose".
import { describe, expect, it } from 'vitest';
import { unmetAsked } from '../../src/core/create/unmet-asked.ts';
import { interpret } from '../../src/core/language/interpret.ts';

describe('unmetAsked', () => {
  it('keeps asked values in words and drops the registries\' own choices', () => {
    const asked = interpret('a radial gradient in red, neon, slow motion, rumble').instruction;
    expect(asked.gradient.type).toBe('radial');
    const unmet = ['gradient.radial', 'palette.red', 'palette.concept.neon', 'motion.slow', 'sound.rumble', 'lighting.high_key', 'tempo.fast'];
    expect(unmetAsked(unmet, asked)).toEqual(['a radial gradient', 'red', 'neon colours', 'slow motion', 'the rumble sound']);
    const none = interpret('moody teal harbour at dusk, camera creepin right, soft rumble').instruction;
    expect(none.gradient.type).toBe(null);
    expect(unmetAsked(['gradient.radial', 'lighting.high_key'], none)).toEqual([]);
    expect(unmetAsked(['something.new'], none)).toEqual(['something.new']);
  });
});
