// Same word, different meaning (FOUNDATION §9): each ambiguous word is read in two or more contexts and
// the domain chosen is checked on its span, along with the field it fills (or does not fill).
import { describe, expect, it } from 'vitest';
import { checkExpect } from '../helpers/check-expect.ts';
import { interpret } from '../../src/core/language/interpret.ts';

type Case = [prompt: string, expect: Record<string, unknown>];

const SENSES: Record<string, Case[]> = {
  crane: [
    ['crane shot rising over the city', { 'camera.move': 'tilt_up', span_domain: { crane: 'camera' } }],
    ['camera cranes up to the rooftops', { 'camera.move': 'tilt_up', span_domain: { cranes: 'camera' } }],
    ['a crane standing in the marsh at dawn', { 'camera.move': null, span_domain: { crane: 'subject' } }],
    ['two cranes flying over the lake', { 'camera.move': null, span_domain: { cranes: 'subject' } }],
  ],
  pan: [
    ['pan left over the hills', { 'camera.move': 'pan_left', span_domain: { pan: 'camera' } }],
    ['frying eggs in a pan in the kitchen', { 'camera.move': null, span_domain: { pan: 'subject' } }],
    ['pan across the kitchen slowly', { 'camera.move': 'pan_right', 'motion.level': 'slow', span_domain: { pan: 'camera' } }],
    ['a pan of soup on the stove, slow zoom in', { 'camera.move': 'zoom_in', span_domain: { pan: 'subject' } }],
  ],
  blue: [
    ['a deep blue ocean at night', { 'palette.primitives': ['blue', 'navy'], span_domain: { blue: 'color' } }],
    ['feeling blue on a rainy night', { 'palette.primitives': [], 'narrative.mood': { all: ['sad'] }, span_domain: { blue: 'mood' } }],
    ['blue and orange stripes', { 'palette.primitives': { all: ['blue', 'orange'] } }],
    ["i'm so blue tonight, slow piano", { 'palette.primitives': { none: ['blue'] }, span_domain: { blue: 'mood' } }],
  ],
  cool: [
    ['cool blue tones in the morning', { 'palette.concept': 'cool', span_domain: { cool: 'palette' } }],
    ['that beat is cool', { 'palette.concept': null, span_domain: { cool: 'approval' } }],
    ['cool colours, calm sea', { 'palette.concept': 'cool' }],
  ],
  sick: [
    ['the track is sick, totally fire', { 'camera.move': null, span_domain: { sick: 'approval', fire: 'approval' } }],
    ['sick beat, 150 bpm', { 'sound.bpm': 150, span_domain: { sick: 'approval' } }],
    ['sick of the rain, grey skies', { span_domain: { sick: 'mood' }, 'narrative.settings': { all: ['rain'] } }],
    ['sick fast zoom in', { 'camera.move': 'zoom_in', 'motion.level': 'fast', span_domain: { sick: 'intensity' } }],
  ],
  wicked: [
    ['wicked witch in a dark forest', { span_domain: { wicked: 'mood' }, 'narrative.settings': { all: ['forest'] } }],
    ['wicked fast zoom out', { 'camera.move': 'zoom_out', 'motion.level': 'fast' }],
    ["that's wicked, mate", { span_domain: { wicked: 'approval' } }],
  ],
  fire: [
    ['a fire crackling in the hearth', { span_domain: { fire: 'subject' } }],
    ['this tune is fire', { span_domain: { fire: 'approval' } }],
    ['lit by fire, slow pan right', { lighting: 'low_key', 'camera.move': 'pan_right' }],
  ],
  lit: [
    ['the party was lit', { lighting: null, span_domain: { lit: 'approval' } }],
    ['lit by candles in a cosy room', { lighting: 'low_key', span_domain: { lit: 'lighting' } }],
    ['a stadium lit by floodlights', { lighting: 'high_key' }],
  ],
  mint: [
    ['mint green walls', { 'palette.primitives': ['green'], span_domain: { mint: 'color' } }],
    ["that's mint, bruv", { 'palette.primitives': [], span_domain: { mint: 'approval' }, span_variant: { mint: 'slang' } }],
    ['a sprig of mint leaves', { 'palette.primitives': [], span_domain: { mint: 'subject' } }],
  ],
  static: [
    ['radio static hissing in the dark', { 'sound.primitives': { all: ['hiss'] }, 'camera.move': null }],
    ['static camera on a busy street', { 'camera.move': 'static', span_domain: { static: 'camera' } }],
    ['a locked-off static shot of the sea, with static noise', { 'camera.move': 'static', 'sound.primitives': { all: ['hiss'] } }],
  ],
  bush: [
    ['out in the bush at dusk', { 'narrative.settings': { all: ['forest'] }, span_domain: { bush: 'setting' } }],
    ['a rose bush in the garden', { 'narrative.settings': { all: ['garden'] }, span_domain: { bush: 'subject' } }],
  ],
  roll: [
    ['storm clouds rolling in over the hills', { 'camera.move': null }],
    ['roll the camera clockwise', { 'camera.move': 'roll_cw' }],
    ['slow anticlockwise roll', { 'camera.move': 'roll_ccw', 'motion.level': 'slow' }],
  ],
  chill: [
    ['that track is dope, chill vibes', { 'narrative.mood': ['calm'], 'camera.move': null, 'motion.level': null, unknown: [] }],
    ['a chill wind over the moor', { 'palette.concept': 'cool', 'narrative.mood': [] }],
    ['chill out on a cold night', { 'narrative.mood': ['calm'], 'palette.concept': 'cool' }],
  ],
  turn: [
    ['a sharp turn to the left', { 'camera.move': 'pan_left', 'motion.level': 'fast' }],
    ['turn the camera clockwise real slow', { 'camera.move': 'roll_cw', 'motion.level': 'slow' }],
  ],
  light: [
    ['light pink and pale blue', { 'palette.primitives': { all: ['pink'] } }],
    ['soft light through the window', { lighting: 'flat', span_domain: { light: 'lighting' } }],
  ],
};

describe('same word, different meaning', () => {
  for (const [word, cases] of Object.entries(SENSES)) {
    describe(word, () => {
      for (const [prompt, want] of cases) {
        it(prompt, () => {
          expect(checkExpect(interpret(prompt).instruction, want)).toEqual([]);
        });
      }
    });
  }
});
