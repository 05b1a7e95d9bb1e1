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

describe('a gradient said as a change of colour across the frame', () => {
  const type = (p: string, off: boolean = false) => interpret(p, off ? { off: ['gradientPhrases'] } : {}).instruction.gradient.type;

  it('two colours, a word of change between them and the places they are said to be give the axis', () => {
    expect(type('deep orange at the horizon turning to violet overhead, waves lapping')).toBe('linear_vertical');
    expect(type('pale green by the surface getting darker towards the seabed')).toBe('linear_vertical');
    expect(type('warm red on the left side blending into cold blue')).toBe('linear_horizontal');
    expect(type('bright white in the centre fading out to dark purple')).toBe('radial');
    expect(type('deep orange at the horizon turning to violet overhead, waves lapping', true)).toBe(null);
  });

  it('no gradient from a scene of colours with no change, from places of two axes, or from a camera side', () => {
    expect(type('a blue sky above green fields, sheep grazing')).toBe(null);
    expect(type('red kites at the top left going to the blue bottom right', false)).not.toBe('linear_vertical');
    expect(type('camera pans left past red boats turning to face the blue sea')).toBe(null);
    expect(type('a red car driving into the city, green lights')).toBe(null);
  });

  it('a bare "to" is a path, not a change; "from X to Y" is a change', () => {
    expect(type('a yellow bus rolls to the right beside a grey wall')).toBe(null);
    expect(type('a white dog runs to the brown gate at the bottom of the garden')).toBe(null);
    expect(type('a boy in red walks towards the left, a green van parked')).toBe(null);
    expect(type('from orange on the left to deep blue on the right')).toBe('linear_horizontal');
    expect(type('from pale yellow at the top to black at the bottom')).toBe('linear_vertical');
  });
});

describe('the light of a gloomy scene', () => {
  const key = (p: string) => interpret(p).instruction.lighting;
  it('a gloomy mood word is dull light over the daytime; the night and light sources outrank it', () => {
    expect(key('a dismal car park on a winter day, pan left')).toBe('flat');
    expect(key('grim terraced street, lads kicking a ball')).toBe('flat');
    expect(key('a grim alley at midnight')).toBe('low_key');
    expect(key('dreary office lit by candles')).toBe('low_key');
    expect(interpret('grim terraced street, lads kicking a ball', { off: ['weatherLight'] }).instruction.lighting).toBe(null);
  });
});
