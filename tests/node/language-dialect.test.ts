// Dialect, spelling and slang (FOUNDATION §9): British, Scottish, Irish, Australian, US regional, AAVE and
// internet prompts, each checked on the fields it expresses and on the variant/dialect of its words.
import { describe, expect, it } from 'vitest';
import { checkExpect } from '../helpers/check-expect.ts';
import { interpret } from '../../src/core/language/interpret.ts';
import { builtInLexicon } from '../../src/core/language/lexicon.ts';
import { regionalSenseRecords, regionMarkers } from '../../src/core/language/dialect-senses.ts';

type Case = [prompt: string, expect: Record<string, unknown>];

const CASES: Record<string, Case[]> = {
  spelling: [
    ['grey clouds over the harbour, colour fading to white', { 'palette.primitives': { all: ['gray', 'white'] }, 'narrative.settings': { all: ['harbour'] }, span_variant: { grey: 'spelling', harbour: 'spelling' } }],
    ['gray skies over the harbor', { 'narrative.settings': { all: ['harbour'] }, span_variant: { harbor: 'spelling' } }],
    ['a radial gradient from the centre out in lavender and grey', { 'gradient.type': 'radial', 'palette.primitives': { all: ['gray'] } }],
    ['cosy colourful kitchen, tilt down', { 'narrative.mood': { all: ['cosy'] }, 'camera.move': 'tilt_down', 'narrative.settings': { all: ['kitchen'] } }],
    ['greyish green fields, anticlockwise roll', { 'camera.move': 'roll_ccw', 'narrative.settings': { all: ['field'] } }],
    ['counterclockwise spin over a grey sea', { 'camera.move': 'roll_ccw', 'palette.primitives': { all: ['gray'] }, 'narrative.settings': { all: ['sea'] } }],
  ],
  british: [
    ['proper gloomy forest at night, camera creepin\' left', { 'camera.move': 'pan_left', 'narrative.mood': { all: ['gloomy'] }, 'narrative.settings': { all: ['forest', 'night'] }, span_variant: { proper: 'dialect' } }],
    ['well dodgy alley in the rain, pan right sharpish', { 'camera.move': 'pan_right', 'narrative.settings': { all: ['rain'] } }],
    ['a dead quiet street, nowt moving', { 'motion.level': 'still', 'narrative.settings': { all: ['street'] } }],
    ["it's bloody freezing, grey and miserable, tilt down", { 'palette.concept': 'cool', 'motion.level': null, 'camera.move': 'tilt_down', 'narrative.mood': { all: ['gloomy'] } }],
    ["bloomin' lovely garden, dead colourful, zoom in a bit", { 'camera.move': 'zoom_in', 'narrative.themes': [], span_domain: { "bloomin'": 'intensity' } }],
    ['that tune is bangin, well fast drums', { 'sound.tempo': 'fast' }],
    ['chuffed little dog on the beach, bright and sunny', { 'narrative.settings': { all: ['beach'] }, 'narrative.mood': { any: ['happy', 'joyful'] } }],
    ['bare dark and moody, slow zoom out', { 'camera.move': 'zoom_out', 'motion.level': 'slow' }],
    ['the canal at dusk, innit, proper peaceful', { 'narrative.settings': { all: ['dusk'] }, 'narrative.mood': { all: ['peaceful'] } }],
    ['it\'s mint, bruv: red and yellow stripes', { 'palette.primitives': { all: ['red', 'yellow'] }, span_domain: { mint: 'approval' } }],
  ],
  scottish: [
    ['bonnie wee loch in the highlands on a dreich day', { 'narrative.settings': { all: ['lake', 'mountain'] }, 'lighting': 'flat', span_variant: { loch: 'dialect', dreich: 'dialect' } }],
    ['pure dead brilliant sunset ower the glen', { 'narrative.settings': { any: ['dusk'] } }],
    ['a braw day by the firth, haar rolling in', { 'camera.move': null }],
    ["dinnae move the camera, it's pure baltic oot there", { 'camera.move': 'static', 'motion.level': 'still', 'palette.concept': 'cool', span_variant: { dinnae: 'dialect', baltic: 'dialect' } }],
    ["aye, a braw bright mornin' ower the firth, slow pan richt", { 'camera.move': 'pan_right', 'motion.level': 'slow', 'narrative.settings': { all: ['sea'] }, unknown: [] }],
    ['cannae hear a thing, nae music, just snaw falling', { 'sound.primitives': ['silence'], 'narrative.settings': { all: ['snow'] } }],
    ['gey slow pan left across the loch', { 'camera.move': 'pan_left', 'motion.level': 'slow', 'narrative.settings': { all: ['lake'] } }],
  ],
  irish: [
    ['a grand soft day in the village, the craic was mighty', { 'narrative.settings': { all: ['village', 'rain'] }, span_variant: { craic: 'dialect' } }],
    ['deadly tune, savage fast, zoom in', { 'camera.move': 'zoom_in', 'motion.level': 'fast' }],
    ['fierce cold morning on the bog, not a sound', { 'sound.primitives': { all: ['silence'] }, 'palette.concept': 'cool' }],
  ],
  australian: [
    ['grey arvo by the sea, dead calm', { 'palette.primitives': { all: ['gray'] }, 'narrative.settings': { all: ['sea', 'afternoon'] }, 'narrative.mood': { all: ['calm'] }, span_variant: { arvo: 'dialect' } }],
    ['heaps good sunset at the beach, slow pan right', { 'camera.move': 'pan_right', 'narrative.settings': { all: ['beach'] } }],
    ['out in the bush at dusk, crickets chirping', { 'narrative.settings': { all: ['forest', 'dusk'] }, span_domain: { bush: 'setting' } }],
    ["strewth, she's a scorcher, bright orange sky, dead still", { lighting: 'high_key', 'motion.level': 'still', 'palette.primitives': ['orange'] }],
    ['fair dinkum arvo at the billabong, slow drift left', { 'camera.move': 'pan_left', 'motion.level': 'slow', 'narrative.settings': { all: ['lake'] } }],
    ['a ripper storm over the outback, zoom out quick', { 'camera.move': 'zoom_out', 'motion.level': 'fast' }],
  ],
  us_regional: [
    ['hella bright neon city, zoom in quick', { 'camera.move': 'zoom_in', 'motion.level': 'fast', 'palette.concept': 'neon', 'narrative.settings': { all: ['city'] }, span_variant: { hella: 'slang' } }],
    ['wicked fast pan left over the harbor, kid', { 'camera.move': 'pan_left', 'motion.level': 'fast', span_variant: { wicked: 'dialect' } }],
    ["y'all spin it clockwise", { 'camera.move': 'roll_cw', span_variant: { "y'all": 'dialect' } }],
    ["fixin' to tilt up real slow over the prairie", { 'camera.move': 'tilt_up', 'motion.level': 'slow', 'narrative.settings': { all: ['field'] } }],
    ["bless your heart, that's a mighty purty sunset, zoom out", { 'camera.move': 'zoom_out', 'narrative.settings': { all: ['dusk'] }, unknown: [], span_domain: { purty: 'approval' } }],
    ['mad slow drift right through the bodega', { 'camera.move': 'pan_right', 'motion.level': 'slow' }],
  ],
  aave: [
    ["ain't nothin' movin', no sound at all", { 'motion.level': 'still', 'sound.primitives': { all: ['silence'] } }],
    ["it's bussin, no cap: bright yellow and red", { 'palette.primitives': { all: ['yellow', 'red'] }, span_variant: { bussin: 'slang' } }],
    ['finna zoom out slow on the block', { 'camera.move': 'zoom_out', 'motion.level': 'slow' }],
    ['on god this beat mid, slow it down, dark blue', { 'motion.level': 'slow', 'palette.primitives': ['blue', 'navy'], span_domain: { mid: 'approval' } }],
    ['that beat go hard, 140 bpm', { 'sound.bpm': 140, 'sound.tempo': 'medium', span_domain: { hard: 'approval' } }],
  ],
  internet: [
    ['lowkey moody purple haze, slow mo', { 'palette.primitives': { all: ['purple'] }, 'motion.level': 'slow', 'narrative.mood': { all: ['moody'] } }],
    ['vibes are immaculate: pastel pink and teal, chill tempo', { 'palette.primitives': { all: ['pink', 'teal'] } }],
    ['slay, the colours ate: hot pink, lime and gold', { 'palette.primitives': ['pink', 'green', 'yellow'], span_domain: { ate: 'approval' }, unknown: [] }],
    ['this slaps fr, 128 bpm, pan right', { 'sound.bpm': 128, 'camera.move': 'pan_right' }],
    ['🌙 city, 💙💜 vibes, 🐢 pan left', { 'narrative.settings': { all: ['night', 'city'] }, 'palette.primitives': ['blue', 'purple'], 'motion.level': 'slow', 'camera.move': 'pan_left', span_variant: { '🐢': 'slang' } }],
    ['that beat is 🔥️, 160 bpm, 👩‍👩‍👧 at the 🏖️', { 'sound.tempo': 'fast', 'narrative.settings': ['beach'], span_domain: { '🔥️': 'approval' }, unknown: [{ text: '👩‍👩‍👧', start: 27, end: 35 }] }],
    ['slooow pan left, sooo bright, fastttt zoom? nah', { 'camera.move': 'pan_left', 'motion.level': 'slow', lighting: 'high_key', span_variant: { slooow: 'spelling', sooo: 'spelling' } }],
    ['ZOOM IN FAST!!! RED AND BLUE', { 'camera.move': 'zoom_in', 'motion.level': 'fast', 'palette.primitives': ['red', 'blue'] }],
    ['highkey eerie abandoned factory, handheld', { 'narrative.settings': { all: ['factory'] }, 'narrative.mood': { all: ['eerie'] }, 'camera.move': 'shake' }],
  ],
};

describe('dialect, spelling and slang', () => {
  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      for (const [prompt, want] of cases) {
        it(prompt, () => {
          expect(checkExpect(interpret(prompt).instruction, want)).toEqual([]);
        });
      }
    });
  }
});

describe('dialect data', () => {
  it('every spelling, dialect and slang entry is understood on its own (a camera verb with a direction it takes)', () => {
    const entries = builtInLexicon().filter((e) => e.variant === 'spelling' || e.variant === 'dialect' || e.variant === 'slang');
    expect(entries.length).toBeGreaterThan(700);
    const dir: Record<string, string> = { tilt: 'up', zoom: 'in', roll: 'clockwise' };
    const missed: string[] = [];
    // A regional sense of a standard word is read where the prompt shows its region (tested below), not alone.
    const regional = new Set(regionalSenseRecords().map((r) => `${r.span}|${r.domain}|${r.canonical}`));
    for (const e of entries) {
      if (regional.has(`${e.span}|${e.domain}|${e.canonical}`)) continue;
      if (interpret(e.span).instruction.unknown.length === 0) continue;
      if (e.domain === 'camera') {
        const y = interpret(`${e.span} ${dir[e.canonical] ?? 'left'}`).instruction;
        if (y.unknown.length === 0 && y.camera.move) continue;
      }
      missed.push(`${e.span} (${e.domain}/${e.variant})`);
    }
    expect(missed).toEqual([]);
  });

  it('every regional sense is read as itself where a marker of its region shows the region (#14 round 6)', () => {
    const missed: string[] = [];
    for (const r of regionalSenseRecords()) {
      const marker = regionMarkers(r.dialect ?? '')[0] ?? '';
      const spans = interpret(`${marker}, ${r.span}`).instruction.spans;
      if (!spans.some((s) => s.text.toLowerCase() === r.span && s.domain === r.domain && (s.canonical === r.canonical || s.implies?.setting === r.canonical) && (s.variant === 'dialect' || s.variant === 'slang'))) missed.push(`${r.span} (${r.dialect})`);
    }
    expect(missed).toEqual([]);
  });

  it('each entry names its region when it is dialect or slang', () => {
    const regions = new Set(['british', 'scottish', 'irish', 'northern_english', 'australian', 'nz', 'us_regional', 'new_england', 'southern_us', 'aave', 'internet', 'us', 'west_african', 'caribbean', 'singapore', 'indian']);
    for (const e of builtInLexicon().filter((x) => x.variant === 'dialect' || x.variant === 'slang')) {
      expect(regions.has(e.dialect ?? ''), `${e.span} (${e.domain}) region ${e.dialect}`).toBe(true);
    }
  });
});
