// #14 round 7: lighting from the weather by WordNet's clusters, the camera's own verbs of motion, and speed words
// attached to the verb whose subject they describe — each alone on invented prompts (none from the human-written
// sets), with the span that says which mechanism made the reading, and switched off.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import type { Mechanism } from '../../src/core/language/interpret.ts';

const read = (p: string, off: Mechanism[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string, off: Mechanism[] = []) => read(p, off).spans.find((s) => s.text === text);

describe('the weather implies the light (WordNet clusters of hot, cloudy, wet, cheerless; rain and heat nouns)', () => {
  it('a heat word is high key, a muggy, dreary or rainy word flat, said on the implying span', () => {
    expect(read('a sweltering afternoon in the market').lighting).toBe('high_key');
    expect(span('a sweltering afternoon in the market', 'sweltering')?.implies).toEqual({ lighting: 'high_key' });
    expect(read('muggy day by the canal').lighting).toBe('flat');
    expect(span('muggy day by the canal', 'muggy')).toMatchObject({ domain: 'lighting', canonical: 'flat', via: 'implied' });
    expect(read('a dreary afternoon in the town square').lighting).toBe('flat');
    expect(read('a downpour over the harbour').lighting).toBe('flat');
  });

  it('the night, a light source and a colour name outrank it; heat makes a haze its own', () => {
    expect(read('a sweltering night in the market').lighting).toBe('low_key');
    expect(read('muggy evening, candles on the table').lighting).toBe('low_key');
    expect(read('hot pink flowers').lighting).toBeNull();
    expect(read('heat haze over the road at noon').lighting).toBe('high_key');
  });

  it('switched off, the weather words imply nothing (a "day" is then daylight)', () => {
    expect(read('a sweltering afternoon in the market', ['weatherLight']).lighting).toBeNull();
    expect(read('muggy day by the canal', ['weatherLight']).lighting).toBe('high_key');
  });
});

describe("the camera's own verbs of motion (WordNet verb.motion with the camera as subject)", () => {
  it('a verb of motion said of the camera binds a direction after it, via cameraVerb', () => {
    expect(read('the camera chases the bus to the left').camera.move).toBe('pan_left');
    expect(span('the camera chases the bus to the left', 'chases')).toMatchObject({ domain: 'camera', via: 'cameraVerb' });
    expect(read('camera eases in on the old clock').camera.move).toBe('zoom_in');
  });

  it('a verb that carries its direction by troponymy moves the camera that way', () => {
    expect(read('the drone plummets towards the lake').camera.move).toBe('tilt_down');
    expect(read('the camera withdraws from the room').camera.move).toBe('zoom_out');
    expect(read('then the camera soars over the valley').camera.move).toBe('tilt_up');
  });

  it('negated, it is a still camera; not the camera (a thing as subject), no move', () => {
    expect(read("camera doesn't budge, the river").camera.move).toBe('static');
    expect(read('the bus plummets down the hill').camera.move).toBeNull();
  });

  it('a verb of unsteady motion said of the camera is the shake; one of staying put, or a still adjective, is static', () => {
    expect(read('a packed gig, camera staggering through the crowd').camera.move).toBe('shake');
    expect(span('a packed gig, camera staggering through the crowd', 'staggering')).toMatchObject({ domain: 'camera', canonical: 'shake', via: 'cameraVerb' });
    expect(read('waves on the rocks, camera rooted to the spot').camera.move).toBe('static');
    expect(read('the old mill, the camera just hangs there').camera.move).toBe('static');
    expect(read('a buoy wobbling in the swell').camera.move).toBeNull();
  });

  it('a verb WordNet files under a gentle move is slow ("eases")', () => {
    expect(read('the camera eases in on the clock').motion.level).toBe('slow');
  });

  it("switched off (with round 8's clause reading, which reads the same verbs), the verb is no camera move", () => {
    expect(read('a packed gig, camera staggering through the crowd', ['cameraVerbs', 'cameraClause']).camera.move).toBeNull();
    expect(read('the drone plummets towards the lake', ['cameraVerbs', 'cameraClause']).camera.move).toBeNull();
    expect(read("camera doesn't budge, the river", ['cameraVerbs', 'cameraClause']).camera.move).toBeNull();
  });
});

describe('speed words attach to the verb whose subject they describe', () => {
  it("with the camera moving, the camera's speed word is motion.level whatever the subject does", () => {
    expect(read('a heron waits motionless while the camera slowly moves in').motion.level).toBe('slow');
    expect(read('a heron waits motionless while the camera slowly moves in', ['speedAttach']).motion.level).toBe('still');
  });

  it("with only the camera negated, the subject's speed outlives it; the scene negated stays still", () => {
    expect(read("kids running down the lane, the camera doesn't move").motion.level).toBe('fast');
    expect(read("kids running down the lane, the camera doesn't move", ['speedAttach']).motion.level).toBe('still');
    expect(read('no movement at all, a cat asleep').motion.level).toBe('still');
  });
});

describe('a real word near a thing with a place is no slip (reduce-dictionary reads the things too)', () => {
  it('"folk" stays a word of its own; "forkk" is still corrected to fork', () => {
    expect(span('folk huddled in the square', 'folk')).toBeUndefined();
    expect(read('folk huddled in the square').unknown.map((u) => u.text)).toContain('folk');
    expect(span('a forkk and a knife', 'forkk')).toMatchObject({ canonical: 'fork', variant: 'spelling', via: 'spelling' });
  });
});
