// #14 round 8: the camera's own clause (its verb, particles and path), the scene's energy as motion, sound presence from
// sound sources and loudness, and lighting and palette words — each alone on invented prompts (none from the
// human-written sets), with the span that says which mechanism made the reading, and switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe("the camera's clause: its verb, particles and path", () => {
  it('a verb of staying put said of the camera is a still camera, via cameraClause', () => {
    expect(read('the camera just sits on the old lighthouse').camera.move).toBe('static');
    expect(span('the camera just sits on the old lighthouse', 'sits')).toMatchObject({ domain: 'camera', canonical: 'static', via: 'cameraClause' });
    expect(read('camera kinda lingers over the harbour').camera.move).toBe('static');
  });

  it('a verb of travel takes its direction from the clause; a path gives its destination', () => {
    expect(read('the camera shifts left slowly').camera.move).toBe('pan_left');
    expect(read('camera slides from right over to the left').camera.move).toBe('pan_left');
    expect(read('the camera trails the cyclist from left to right').camera.move).toBe('pan_right');
  });

  it('a particle of retreat beats a stray up; a shake keeps its up', () => {
    expect(read('the camera pulls back up and away from the bridge').camera.move).toBe('zoom_out');
    expect(read('the camera pulls back up and away from the bridge', ['cameraClause']).camera.move).toBe('tilt_up');
    expect(read('then the camera a shake up').camera.move).toBe('shake');
  });

  it("the camera's clause beats a move word after a determiner elsewhere (a pan on the hob stays a pan)", () => {
    const p = 'garlic in a pan over the gas ring. keep the shot locked off';
    expect(read(p).camera.move).toBe('static');
    expect(span(p, 'pan')).toMatchObject({ domain: 'subject', via: 'cameraClause' });
  });

  it('a verb read as a move class takes the path on its own span; "all over" said of the camera is the shake', () => {
    expect(read('camera dey follow the bus left to right').camera.move).toBe('pan_right');
    expect(span('camera dey follow the bus left to right', 'follow')).toMatchObject({ canonical: 'pan_right', via: 'cameraClause' });
    expect(read('the cam wanders all over the market').camera.move).toBe('shake');
    expect(read('the cam wanders all over the market', ['cameraClause']).camera.move).toBeNull();
  });

  it('a negator still reaches the clause verb', () => {
    expect(read('the camera does not shift at all').camera.move).toBe('static');
  });

  it('switched off, a verb the lexicon does not know says nothing of the camera', () => {
    expect(read('the camera just sits on the old lighthouse', ['cameraClause', 'cameraPredicate']).camera.move).toBeNull();
    expect(read('camera kinda creeps from the right till the left').camera.move).toBe('pan_left');
    expect(read('camera kinda creeps from the right till the left', ['cameraClause']).camera.move).toBe('pan_right');
  });
});

describe("the scene's energy implies motion.level", () => {
  it('a fast verb, an energetic happening or a hectic word of the scene is fast, via energy or on its span', () => {
    expect(read('commuters scurrying through the station').motion.level).toBe('fast');
    expect(read('a thunderstorm over the bay').motion.level).toBe('fast');
    expect(span('a thunderstorm over the bay', 'thunderstorm')?.implies).toMatchObject({ motion: 'fast' });
    expect(read('kids whirling round the maypole').motion.level).toBe('fast');
  });

  it('a resting verb is slow; a speed said outright wins; only a fast scene outlives a still camera', () => {
    expect(read('an old dog dozing by the fire').motion.level).toBe('slow');
    expect(span('an old dog dozing by the fire', 'dozing')).toMatchObject({ domain: 'motion', canonical: 'slow', via: 'energy' });
    expect(read('kids whirling round the maypole, everything in slow motion').motion.level).toBe('slow');
    expect(read('kids whirling round the maypole, the camera does not move').motion.level).toBe('fast');
    expect(read('an old dog dozing by the fire, the camera does not move').motion.level).toBe('still');
  });

  it('never from the camera: a camera that whirls is the camera move, not the scene', () => {
    expect(read('the camera whirls clockwise over the square').motion.level).toBeNull();
  });

  it('switched off, the scene says no speed', () => {
    expect(read('kids whirling round the maypole', ['sceneEnergy']).motion.level).toBeNull();
  });
});

describe('sound presence from sound sources and loudness', () => {
  it('a loud word or a source active with a particle of persistence is full, via loudness or on its span', () => {
    expect(read('organ booming, the old church').sound.presence).toBe('full');
    expect(read('bagpipes droning away on the hill').sound.presence).toBe('full');
    expect(span('bagpipes droning away on the hill', 'droning')?.implies).toMatchObject({ presence: 'full' });
    expect(span('a clamorous market at noon', 'clamorous')).toMatchObject({ domain: 'presence', canonical: 'full', via: 'loudness' });
    expect(read('drums going, fires lit').sound.presence).toBe('full');
  });

  it('a presence word or silence said outright wins; switched off, nothing', () => {
    expect(read('organ booming now and then').sound.presence).toBe('sparse');
    expect(read('organ booming, the old church', ['soundPresence']).sound.presence).toBeNull();
  });
});

describe('lighting said with colour words and light nouns', () => {
  it('a colour of everything, of the sky, said twice, or pitch black standing alone gives the key', () => {
    expect(read('a cat on the wall, sky white white').lighting).toBe('high_key');
    expect(span('a cat on the wall, sky white white', 'white')?.implies).toMatchObject({ lighting: 'high_key' });
    expect(read('jet black, the cellar').lighting).toBe('low_key');
    expect(read('the cellar, everything black').lighting).toBe('low_key');
  });

  it('a lighting word, a source or the night outranks it; a colour in a list says nothing', () => {
    expect(read('sky white white, candles on the table').lighting).toBe('low_key');
    expect(read('pitch black and orange stripes').lighting).toBeNull();
  });

  it('lights standing on something are points in the dark at night, not lights switched on', () => {
    expect(read('the lights on the canal at midnight').lighting).toBe('low_key');
    expect(read('the lights on the canal at midnight', ['lightWords']).lighting).toBe('high_key');
  });

  it('switched off, the colour words give no key', () => {
    expect(read('jet black, the cellar', ['lightWords']).lighting).toBeNull();
  });
});

describe('palette words', () => {
  it('a two-colour name inside a list is two items; a plural colour word in a phrase; a colour-named WordNet compound', () => {
    expect([...read('red blue green stripes on the tent').palette.primitives].sort()).toEqual(['blue', 'green', 'red']);
    expect([...read('red blue green stripes on the tent', ['paletteWords']).palette.primitives].sort()).toEqual(['red', 'teal']);
    expect(read('white oaks along the lane').palette.primitives).toEqual(['white']);
    expect(span('white oaks along the lane', 'white oaks')?.implies).toMatchObject({ color: 'white' });
    expect(read('white oaks along the lane', ['paletteWords']).palette.primitives).toEqual([]);
  });
});

describe('negation reaches the readings made after it', () => {
  it('a negated loudness is turned round, not read as a full sound', () => {
    expect(read('the organ is not blaring').sound.presence).toBe('sparse');
    expect(read('no deafening drums please').sound.presence).toBe('sparse');
    expect(read('the organ blaring').sound.presence).toBe('full');
  });

  it("a negated scene word gives the scene no energy; the same word said plainly does", () => {
    expect(read('a market town, no storm').motion.level).toBeNull();
    expect(read('a storm over the market town').motion.level).toBe('fast');
  });
});
