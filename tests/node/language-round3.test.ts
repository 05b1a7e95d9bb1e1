// #14 round 3: each new general mechanism alone, on invented prompts (none from the human-written sets), with the
// span that says which mechanism made the reading, and each switched off to show it is what made the reading.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';

const read = (p: string, off: ('places' | 'syntax' | 'idioms')[] = []) => interpret(p, { off }).instruction;
const span = (p: string, text: string) => read(p).spans.find((s) => s.text === text);

describe('a light going out is not a camera move', () => {
  it('"go out", "went out", "go off" after a light: low key, no move', () => {
    for (const p of ['the lamps all go out at once', 'then the power went out', 'the candles go out one by one']) {
      expect(read(p).camera.move, p).toBe(null);
      expect(read(p).lighting, p).toBe('low_key');
    }
  });

  it('a camera still moves out when it is the camera that goes', () => {
    expect(read('lights flicker, zoom out').camera.move).toBe('zoom_out');
    expect(read('the camera goes out over the bay').camera.move).toBe('zoom_out');
  });

  it('a slip for a strong camera word keeps it strong ("camrea" stays the camera)', () => {
    expect(read('camrea stays still').camera.move).toBe('static');
  });
});

describe('an animal by its verb', () => {
  it('a word that is also an animal, subject of a verb of motion, is the animal', () => {
    const i = read('a bass leaps clear of the water');
    expect(i.sound.primitives).not.toContain('rumble');
    expect(span('a bass leaps clear of the water', 'bass')).toMatchObject({ domain: 'subject', canonical: 'animal', via: 'syntax' });
    expect(span('a salmon darts under the bridge', 'salmon')).toMatchObject({ domain: 'subject', canonical: 'animal' });
  });

  it('the same words keep their lexicon sense otherwise, and with syntax off', () => {
    expect(read('deep bass and a slow pan').sound.primitives).toContain('rumble');
    expect(read('salmon pink walls').palette.primitives).toContain('pink');
    expect(read('a bass leaps clear of the water', ['syntax']).sound.primitives).toContain('rumble');
  });
});

describe('places implied by the things in them (WordNet hypernyms)', () => {
  it('flowers → garden, dishes and cookware → kitchen, books → library, fish → their water', () => {
    expect(read('a row of tulips, slow pan left').narrative.settings).toEqual(['garden']);
    expect(read('a bowl of risotto, steam rising').narrative.settings).toEqual(['kitchen']);
    expect(read('a wok on a high flame').narrative.settings).toEqual(['kitchen']);
    expect(read('stacks of novels, dim').narrative.settings).toEqual(['library']);
    expect(read('a trout rises at dusk').narrative.settings).toContain('river');
    expect(read('a shark turns slowly').narrative.settings).toEqual(['sea']);
    expect(span('a row of tulips, slow pan left', 'tulips')).toMatchObject({ domain: 'setting', canonical: 'garden', via: 'implied' });
  });

  it('a place named wins; a time of day is not a place; switched off, nothing is implied', () => {
    expect(read('tulips in the park').narrative.settings).toEqual(['park']);
    expect(read('tulips at dawn').narrative.settings).toEqual(['dawn', 'garden']);
    expect(read('a row of tulips, slow pan left', ['places']).narrative.settings).toEqual([]);
  });
});

describe('intensity idioms of movement (WordNet frenzy words after go/get/like)', () => {
  it('"going bonkers", "went berserk", "gone mental", "like crazy": fast movement, one span via idiom', () => {
    for (const p of ['the dogs going bonkers in the yard', 'the fans went berserk', "the sea's gone mental", 'spinning like crazy']) {
      expect(read(p).motion.level, p).toBe('fast');
    }
    expect(span('the fans went berserk', 'went berserk')).toMatchObject({ domain: 'motion', canonical: 'fast', via: 'idiom' });
  });

  it('a frenzy word elsewhere keeps its own sense; switched off, no speed', () => {
    expect(read('a bonkers hat').motion.level).toBe(null);
    expect(read('the fans went berserk', ['idioms']).motion.level).toBe(null);
  });

  it('West African reduplications are dialect data: "small small" slow, "sharp sharp" fast', () => {
    expect(read('the boat moves small small').motion.level).toBe('slow');
    expect(read('come sharp sharp').motion.level).toBe('fast');
  });
});

describe('a tree by its definition', () => {
  it('a plant WordNet files under its wood but defines as trees implies a forest', () => {
    expect(read('giant sequoias, slow tilt up').narrative.settings).toEqual(['forest']);
  });
});

describe('short-word slips and plurals', () => {
  it('a two- or three-letter word in no dictionary is two neighbouring letters swapped', () => {
    expect(span('zoom ni slowly', 'ni')).toMatchObject({ variant: 'spelling', via: 'spelling' });
    expect(read('zoom otu slowly').camera.move).toBe('zoom_out');
    expect(read('teh lake').unknown.map((u) => u.text)).toEqual([]);
    // A real word is never a slip, and a swap that makes no word changes nothing.
    expect(read('an ox in the field').unknown.map((u) => u.text)).toEqual(['ox']);
  });

  it('every key pressed, two out of order, from five letters ("britgh" → bright)', () => {
    expect(read('britgh morning').lighting).toBe('high_key');
  });

  it('a slip reads as its word everywhere: scene light, places, plurals by their singular', () => {
    expect(read('slow pan at nihgt').lighting).toBe('low_key');
    expect(read('a vase of tulpis').narrative.settings).toEqual(['garden']);
    expect(read('gloomy forrests').narrative.settings).toEqual(['forest']);
  });
});

describe('the sun going down lights nothing', () => {
  it('"the sun goes down", "the sun sets": no bright light from the sun; "the sun beats down" stays bright', () => {
    expect(read('the sun goes down and the lamps come on').lighting).toBe('low_key');
    expect(read('as the sun sets over the bay').lighting).toBe(null);
    expect(read('the sun beats down on the sand').lighting).toBe('high_key');
  });
});

describe('a shaking camera by a WordNet adjective of shaking said of it', () => {
  it('"choppy camera", "jerky cam" shake; "a choppy sea" does not; syntax off, no shake', () => {
    expect(read('choppy camera over the moor').camera.move).toBe('shake');
    expect(read('jerky cam in the crowd').camera.move).toBe('shake');
    expect(read('a choppy grey sea').camera.move).toBe(null);
    expect(read('choppy camera over the moor', ['syntax']).camera.move).toBe(null);
    expect(span('choppy camera over the moor', 'choppy')).toMatchObject({ domain: 'camera', canonical: 'shake', via: 'syntax' });
  });
});
