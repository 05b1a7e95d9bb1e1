// Values the interpreter composes: negation, numbers with units, intensity and speed words, and colour
// words beyond the 16 primitives mapped through OKLab (checked against src/core/color, not a table).
import { describe, expect, it } from 'vitest';
import { colornames } from 'color-name-list/bestof';
import { nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { checkExpect } from '../helpers/check-expect.ts';
import { rgbToOklab } from '../../src/core/color/oklab.ts';
import { colorWordHueRgb, colorWordPrimitive, colorWordRgb, modifyColor, nearestPrimitiveKeepingHue } from '../../src/core/language/color-words.ts';
import { wordnetColor } from '../../src/core/language/wordnet-meaning.ts';
import { interpret } from '../../src/core/language/interpret.ts';

type Case = [prompt: string, expect: Record<string, unknown>];

const VALUES: Record<string, Case[]> = {
  negation: [
    ['no movement, just a red field', { 'motion.level': 'still', 'palette.primitives': { all: ['red'] } }],
    ["ain't nothin' movin'", { 'motion.level': 'still' }],
    ['no sound at all, slow pan left', { 'sound.primitives': ['silence'], 'camera.move': 'pan_left', 'motion.level': 'slow' }],
    ['not fast, a gentle drift right', { 'motion.level': 'slow' }],
    ['no red, only blue and teal', { 'palette.primitives': { all: ['blue', 'teal'], none: ['red'] } }],
    ['nothing moves, dead silent', { 'motion.level': 'still', 'sound.primitives': { all: ['silence'] } }],
    ["don't move the camera, a low hum", { 'camera.move': 'static', 'motion.level': 'still', 'sound.primitives': { any: ['tone', 'rumble'] } }],
    ['without music, silent city', { 'sound.primitives': { all: ['silence'] } }],
    ['no red stripes, but a red sun? no, just orange', { 'palette.primitives': { all: ['orange'] } }],
    ['never stops moving, fast', { 'motion.level': 'fast' }],
    ['no music but birdsong', { 'sound.primitives': ['tone'], 'sound.presence': null }],
    ["there's no colour, only black and white", { 'palette.primitives': ['black', 'white'] }],
    ['barely moving, faint hum', { 'motion.level': 'slow', 'sound.primitives': ['tone'] }],
    ['no zoom, pan left', { 'camera.move': 'pan_left', 'motion.level': null }],
    ["don't pan, keep it still", { 'camera.move': 'static', 'motion.level': 'still' }],
  ],
  numbers: [
    ['150 bpm drums', { 'sound.bpm': 150, 'sound.tempo': 'fast' }],
    ['a 440 hertz tone', { 'sound.tone_hz': 440, 'sound.primitives': { all: ['tone'] } }],
    ['a 440hz tone for 10 seconds', { 'sound.tone_hz': 440, duration_s: 10 }],
    ['one hundred and twenty beats per minute', { 'sound.bpm': 120, 'sound.tempo': 'medium' }],
    ['a 2 khz whistle', { 'sound.tone_hz': 2000 }],
    ['thirty seconds of rain', { duration_s: 30 }],
    ['a two minute clip of the sea at 60 bpm', { duration_s: 120, 'sound.bpm': 60, 'sound.tempo': 'slow' }],
    ['2.5 seconds, 90 bpm', { duration_s: 2.5, 'sound.bpm': 90 }],
    ['seventy bpm, five secs', { 'sound.bpm': 70, duration_s: 5 }],
    ['retro 80s vhs style, glitchy', { duration_s: null, 'narrative.style': { all: ['retro', 'glitch'] } }],
    ['the 1970s, a 10s clip', { duration_s: 10, 'narrative.style': { all: ['retro'] } }],
    ['808s and heartbreak, y2k style, 12s', { duration_s: 12, 'palette.concept': 'neon', unknown: [] }],
    ['sepia-toned vintage footage', { 'palette.primitives': ['brown'], 'sound.primitives': [], 'narrative.style': { all: ['vintage'] } }],
    ['one-twenty bpm, slow zoom', { 'sound.bpm': 120 }],
    ['ninety beats a minute', { 'sound.bpm': 90, duration_s: null }],
    ['tempo of 72', { 'sound.bpm': 72, 'sound.tempo': 'slow' }],
    ['1 minute 30 seconds of waves', { duration_s: 90 }],
    ['a 1.5 khz beep for half a minute', { 'sound.tone_hz': 1500, duration_s: 30 }],
    ['3 red squares and 2 blue ones', { 'sound.bpm': null, duration_s: null, 'palette.primitives': { all: ['red', 'blue'] } }],
  ],
  intensity: [
    ['real slow pan right', { 'motion.level': 'slow', 'camera.move': 'pan_right' }],
    ['wicked fast zoom in', { 'motion.level': 'fast', 'camera.move': 'zoom_in' }],
    ['nice and easy tilt down', { 'motion.level': 'slow', 'camera.move': 'tilt_down' }],
    ['quick as you like, whip pan left', { 'motion.level': 'fast', 'camera.move': 'pan_left' }],
    ['a bit fast, zoom out', { 'motion.level': { in: ['medium', 'fast'] }, 'camera.move': 'zoom_out' }],
    ['super slow tilt up at dawn', { 'motion.level': 'slow', 'camera.move': 'tilt_up' }],
    ['frantic, chaotic crowd, shaky cam', { 'motion.level': 'fast', 'camera.move': 'shake' }],
    ['spinning round and round', { 'camera.move': 'roll_cw' }],
    ['a gentle sway left and right', { 'camera.move': 'pan_left', 'motion.level': 'slow' }],
    ['orbit around the statue', { 'camera.move': { in: ['pan_left', 'pan_right'] } }],
    ['vibrant patterns spinning fast', { 'camera.move': null, 'motion.level': 'fast' }],
    ['gently rotate clockwise', { 'motion.level': 'slow', 'camera.move': 'roll_cw' }],
    ['totally still, a frozen lake', { 'motion.level': 'still' }],
    ["camera creepin' left fast", { 'motion.level': 'fast', 'camera.move': 'pan_left' }],
    ['move in closer in a flash', { 'motion.level': 'fast', 'camera.move': 'zoom_in', unknown: [] }],
    ['quick track right', { 'motion.level': 'fast', 'camera.move': 'pan_right', 'sound.tempo': null }],
    ['a lazy slow jam, and spin it counter-clockwise quickly', { 'motion.level': 'fast', 'sound.tempo': 'slow', 'camera.move': 'roll_ccw' }],
    ['truck right quickly. proper mysterious', { 'camera.move': 'pan_right', 'motion.level': 'fast' }],
    ['a cold grey harbour, camera dead still', { 'motion.level': 'still', 'camera.move': 'static' }],
    ['slow roll to the right', { 'camera.move': 'roll_cw', 'motion.level': 'slow' }],
  ],
  colours: [
    ['crimson and turquoise', { 'palette.primitives': { all: ['red', 'cyan'] } }],
    ['lime and lavender', { 'palette.primitives': { all: ['green'] } }],
    ['greyish pinkish light', { 'palette.primitives': { all: ['pink'] } }],
    ['navy to white top to bottom', { 'palette.primitives': { all: ['navy', 'white'] }, 'gradient.type': 'linear_vertical' }],
    ['scarlet, amber and indigo stripes', { 'palette.primitives': { all: ['red'] } }],
    ['reddish sky, bluey water', { 'palette.primitives': { all: ['red', 'blue'] } }],
    ['dark green and light blue', { 'palette.primitives': { all: ['green'] } }],
    ['pitch black room, snow white sheets', { 'palette.primitives': ['black', 'white'] }],
    ['glossy black and silver, ash and charcoal', { 'palette.primitives': { none: ['pink'], all: ['black', 'gray'] } }],
    ['navy blue and olive green', { 'palette.primitives': ['navy', 'olive'] }],
    ['red blue stripes, red white and blue flags', { 'palette.primitives': ['red', 'blue', 'white'] }],
    ['khaki green walls, blood red sky', { 'palette.primitives': ['green', 'red'] }],
    ['blue green sea', { 'palette.primitives': ['teal'] }],
  ],
  lighting: [
    ['high-key lighting, a whoosh', { lighting: 'high_key' }],
    ['low key light in the cellar', { lighting: 'low_key' }],
    ['lowkey moody, soft light', { lighting: 'flat', 'narrative.mood': ['moody'] }],
  ],
  gradients: [
    ['from the middle out, orange to black', { 'gradient.type': 'radial', 'palette.primitives': { all: ['orange', 'black'] } }],
    ['top left to bottom right, purple to yellow', { 'gradient.type': 'linear_diagonal' }],
    ['left to right fade from red to blue', { 'gradient.type': 'linear_horizontal' }],
    ['light streaming in from the top left, fading to dark at the bottom right', { 'gradient.type': 'linear_diagonal' }],
    ['red at the top, blue at the bottom', { 'gradient.type': 'linear_vertical', 'palette.primitives': ['red', 'blue'] }],
    ['bright in the middle, fading to black at the edges', { 'gradient.type': 'radial' }],
    ['camera sweeps across the desert from right to left', { 'camera.move': 'pan_left', 'gradient.type': null }],
    ['tilt to the top of the tower', { 'camera.move': 'tilt_up' }],
  ],
  narrative: [
    ['a lonely lighthouse on a stormy night, horror, slow zoom', { 'narrative.genre': { all: ['horror'] }, 'narrative.mood': { all: ['lonely'] }, 'narrative.settings': { all: ['night'] } }],
    ['a nostalgic retro music video in the city', { 'narrative.mood': { all: ['nostalgic'] }, 'narrative.style': { all: ['retro'] }, 'narrative.settings': { all: ['city'] } }],
    ['a western showdown at high noon in the desert', { 'narrative.genre': ['western'], 'narrative.settings': { all: ['desert', 'afternoon'] } }],
    ['nature documentary, lions on the savanna', { 'narrative.genre': { all: ['nature', 'documentary'] }, 'narrative.settings': ['savanna', 'field'], unknown: [] }],
    ['the end of the world, apocalyptic red sky', { 'narrative.themes': ['decay'], 'palette.primitives': ['red'] }],
    ['a spooky haunted house, horror vibes', { 'narrative.genre': ['horror'], 'narrative.mood': { all: ['eerie'] } }],
    ['film noir detective in the rain, black and white', { 'narrative.genre': ['noir'], 'palette.primitives': ['black', 'white'], 'palette.concept': 'monochrome' }],
    ['aerial landscape of the desert, epic and cinematic', { 'narrative.scene_type': { in: ['aerial', 'landscape'] }, 'narrative.settings': { all: ['desert'] }, 'narrative.style': { all: ['cinematic'] } }],
  ],
};

describe('composed values', () => {
  for (const [group, cases] of Object.entries(VALUES)) {
    describe(group, () => {
      for (const [prompt, want] of cases) {
        it(prompt, () => {
          expect(checkExpect(interpret(prompt).instruction, want)).toEqual([]);
        });
      }
    });
  }
});

describe('colour words through colour science', () => {
  it('a listed colour name (one word) maps to the primitive nearest its sRGB in OKLab (a hueless one among black/grey/white)', () => {
    const names = colornames.filter((c) => /^[a-z]+$/i.test(c.name) && colorWordRgb(c.name.toLowerCase()));
    expect(names.length).toBeGreaterThan(50);
    let checked = 0;
    for (const c of names) {
      const word = c.name.toLowerCase();
      const x = interpret(`${word} and ${word}`).instruction;
      const span = x.spans.find((s) => s.text.toLowerCase() === word);
      if (!span || span.domain !== 'color') continue;
      const rgb = colorWordRgb(word)!;
      // Chromatic colours: exactly the nearest primitive by ΔE_ok; hueless ones: one of black, grey, white, unless
      // WordNet files the name under a chromatic primitive (CSS azure #f0ffff and lavender #e6e6fa are nearly white).
      const [, a, b] = rgbToOklab(rgb);
      const filed = wordnetColor(word);
      if (Math.hypot(a, b) >= 0.04) expect(span.canonical, word).toBe(nearestPrimitive(rgb));
      else if (filed && !['black', 'gray', 'white'].includes(filed)) expect(span.canonical, word).toBe(filed);
      else {
        expect(span.canonical, word).toBe(colorWordPrimitive(rgb));
        expect(['black', 'gray', 'white'], word).toContain(span.canonical);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('a modifier changes lightness or strength, the colour word keeps the hue (nearest primitive within 20° of hue)', () => {
    const cases: [string, string[]][] = [
      ['light blue', ['blue']], ['dark green', ['green']], ['pale green', ['green']], ['deep red', ['red']], ['dark red', ['red']],
      ['dark blue', ['navy']], ['hot pink', ['pink']], ['light grey', ['white', 'gray']], ['dark grey', ['gray', 'black']], ['dark yellow', ['olive', 'yellow']],
      ['pale pink', ['pink']], ['dark cyan', ['teal']], ['blood red', ['red']], ['sky blue', ['blue']], ['deep purple', ['purple']],
    ];
    for (const [phrase, want] of cases) {
      const got = interpret(`${phrase} walls`).instruction.palette.primitives;
      // Session 10: the primitive the name ends in is said too ("dark blue": blue beside its shade navy).
      const head = phrase.split(' ')[1]!.replace('grey', 'gray');
      const shades = got.filter((p) => p !== head);
      expect(shades.length, `${phrase} → ${got.join(', ')}`).toBeLessThanOrEqual(1);
      expect((got as string[]).includes(head) || shades.length === 1, phrase).toBe(true);
      for (const p of shades) expect(want, `${phrase} → ${p}`).toContain(p);
    }
  });

  it('a modifier before a primitive keeps the primitive named beside the shade it is filed under (session 10)', () => {
    const read = (p: string) => interpret(p).instruction.palette.primitives;
    expect(read('the hull was painted dark blue')).toEqual(['blue', 'navy']);
    expect(read('a scarf of neon purple')).toEqual(['purple', 'magenta']);
    expect(read('light grey concrete')).toEqual(['gray', 'white']);
    // Two primitives named as one stay one colour; a shade word's own primitive is not added twice.
    expect(read('a navy blue blazer')).toEqual(['navy']);
    expect(read('pale blue curtains')).toEqual(['blue']);
    // A colour the prompt rules out is not brought back by its shade's name.
    expect(read('dark blue, but no blue at all')).not.toContain('blue');
  });

  it('a modifier word before a colour the lexicon has no phrase for is applied in OKLab', () => {
    let checked = 0;
    for (const word of ['turquoise', 'crimson', 'amber', 'scarlet', 'ochre', 'cerulean', 'lavender', 'maroon', 'coral', 'emerald']) {
      const rgb = colorWordHueRgb(word)!;
      expect(interpret(word).instruction.palette.primitives, word).toEqual([nearestPrimitive(rgb)]);
      for (const [mod, canonical] of [['dark', 'darker'], ['pale', 'lighter'], ['vivid', 'brighter'], ['dull', 'duller']] as const) {
        if (colorWordRgb(`${mod} ${word}`)) continue; // a named shade of its own
        const x = interpret(`${mod} ${word} walls`).instruction;
        expect(x.palette.primitives, `${mod} ${word}`).toEqual([nearestPrimitiveKeepingHue(modifyColor(rgb, canonical), rgb)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
