// The Create view's pure modules on real interpretations: sentences per field, each word's meaning in prompt
// order (unknown words marked), chip edits (values checked against the origin vocabularies), what was edited,
// and the intended-vs-observed rows worded from a learning record the loop's own rule computed.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { instructionSentences, listPhrase, paletteAsked } from '../../src/core/create/instruction-sentences.ts';
import { wordMeanings } from '../../src/core/create/word-meanings.ts';
import { editInstruction, editedFields, MAX_CREATE_SECONDS, type ChipEdit } from '../../src/core/create/edit-instruction.ts';
import { asksForNothing } from '../../src/core/create/asks-for-nothing.ts';
import { compareRows } from '../../src/core/create/compare-rows.ts';
import { sizePreset, SIZE_PRESETS } from '../../src/core/create/clip-options.ts';
import { intendedFromInstruction, learningRecord, LEARNING_FIELDS, type ObservedValues } from '../../src/core/registry/learning.ts';
import { CAMERA_MOVES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, TEMPO_LABELS } from '../../src/core/vocab/index.ts';

const read = (p: string) => interpret(p).instruction;

describe('instructionSentences', () => {
  it('says each asked field in words and leaves the others to the registries', () => {
    const s = instructionSentences(read('a slow pan left over a teal sea at dusk, calm rumble'));
    const by = Object.fromEntries(s.map((x) => [x.field, x]));
    expect(by.palette).toMatchObject({ asked: true, text: 'Colours: teal.' });
    expect(by.camera).toMatchObject({ asked: true, text: 'The camera pans left.' });
    expect(by.motion).toMatchObject({ asked: true, text: 'The picture moves slowly.' });
    expect(by.sound?.text).toBe('Sound: a rumble, calm in mood.');
    expect(by.lighting?.asked).toBe(false);
    expect(by.lighting?.text).toMatch(/registries choose/);
    expect(by.story?.text).toContain('setting sea and dusk');
    expect(s.some((x) => x.field === 'unknown')).toBe(false);
  });

  it('words tempo, length, light and concept; names what was not understood', () => {
    const by = Object.fromEntries(instructionSentences(read('hella bright neon city, zoom in quick, 120 bpm, 3 seconds')).map((x) => [x.field, x.text]));
    expect(by.tempo).toBe('Tempo: 120 beats a minute (a medium beat).');
    expect(by.duration).toBe('It lasts 3 s.');
    expect(by.lighting).toBe('The light is bright (high-key).');
    // The concept is not a colour named: the summary says the registries choose within it, as the Colours chip does.
    expect(by.palette).toBe('Colours: neon colours, the registries choose which.');
    expect(paletteAsked({ primitives: ['teal', 'orange'], concept: 'pastel' })).toBe('teal and orange, pastel');
    expect(paletteAsked({ primitives: [], concept: null })).toBe(null);
    expect(by.camera).toBe('The camera zooms in.');
    const gib = instructionSentences(read('xqzt blorf'));
    expect(gib.find((x) => x.field === 'unknown')?.text).toBe('Not understood: “xqzt” and “blorf”.');
    expect(gib.filter((x) => x.asked)).toEqual([]);
  });

  it('has a sentence for every camera move, motion, light, gradient and tempo of the vocabularies', () => {
    for (const move of CAMERA_MOVES) expect(instructionSentences({ ...emptyInstruction(), camera: { move } })[1]?.text).toMatch(/^The camera \w/);
    const texts = new Set<string>();
    for (const level of MOTION_LEVELS) texts.add(instructionSentences({ ...emptyInstruction(), motion: { level } })[2]!.text);
    for (const l of LIGHTING_TYPES) texts.add(instructionSentences({ ...emptyInstruction(), lighting: l })[3]!.text);
    for (const type of GRADIENT_TYPES) texts.add(instructionSentences({ ...emptyInstruction(), gradient: { type } })[4]!.text);
    expect(texts.size).toBe(MOTION_LEVELS.length + LIGHTING_TYPES.length + GRADIENT_TYPES.length);
    expect(listPhrase(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('wordMeanings', () => {
  it('lists every span as domain: canonical in prompt order, grammar words apart, unknown words marked', () => {
    const w = wordMeanings(read("proper gloomy forest, camera creepin' left, zorbly"));
    expect(w.map((x) => x.text)).toEqual(['proper', 'gloomy', 'forest', 'camera', "creepin'", 'left', 'zorbly']);
    expect(w.find((x) => x.text === 'gloomy')?.meaning).toBe('mood: gloomy');
    expect(w.find((x) => x.text === 'proper')?.meaning).toMatch(/^intensity: high \(dialect/);
    // A non-standard word says its variant (whatever the lexicon maps it to today).
    const creep = w.find((x) => x.text === "creepin'");
    expect(creep?.variant).not.toBe('standard');
    expect(creep?.meaning).toBe(`${creep?.domain}: ${creep?.canonical} (${creep?.variant}${creep?.dialect ? `, ${creep.dialect.replace(/_/g, ' ')}` : ''})`);
    expect(w.find((x) => x.text === 'zorbly')).toMatchObject({ kind: 'unknown', meaning: 'not understood', domain: null });
    const g = wordMeanings(read('a slow pan left over a teal sea'));
    expect(g.find((x) => x.text === 'over')).toMatchObject({ kind: 'grammar', meaning: 'grammar word' });
    expect(g.find((x) => x.text === 'pan left')).toMatchObject({ kind: 'value', meaning: 'camera: pan_left' });
    // Offsets point at the words in the prompt.
    const p = 'a slow pan left over a teal sea';
    for (const x of g) expect(p.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('editInstruction', () => {
  it('sets, clears, adds and removes one field at a time and leaves the input untouched', () => {
    const base = read('a slow pan left over a teal sea, calm rumble');
    const copy = structuredClone(base);
    let e = editInstruction(base, { field: 'camera', value: 'zoom_out' });
    e = editInstruction(e, { field: 'palette', op: 'add', value: 'orange' });
    e = editInstruction(e, { field: 'palette', op: 'add', value: 'orange' });
    e = editInstruction(e, { field: 'palette', op: 'remove', value: 'teal' });
    e = editInstruction(e, { field: 'sound', op: 'add', value: 'hiss' });
    e = editInstruction(e, { field: 'motion', value: null });
    e = editInstruction(e, { field: 'duration', value: 2.5 });
    e = editInstruction(e, { field: 'tempo', value: 'fast' });
    expect(base).toEqual(copy);
    expect(e.camera.move).toBe('zoom_out');
    expect(e.palette.primitives).toEqual(['orange']);
    expect(e.sound.primitives).toEqual(['rumble', 'hiss']);
    expect(e.motion.level).toBeNull();
    expect(e.duration_s).toBe(2.5);
    expect(e.sound).toMatchObject({ tempo: 'fast', bpm: null });
    expect(editedFields(base, e)).toEqual(['palette', 'camera', 'motion', 'sound', 'tempo', 'duration']);
    expect(editedFields(base, base)).toEqual([]);
  });

  it('refuses values outside the vocabularies with a TypeError naming the field', () => {
    const base = emptyInstruction('x');
    const bad: [ChipEdit, RegExp][] = [
      [{ field: 'camera', value: 'dolly' } as unknown as ChipEdit, /^camera must be one of static, pan_left/],
      [{ field: 'palette', op: 'add', value: 'mauve' } as unknown as ChipEdit, /^palette colour/],
      [{ field: 'sound', op: 'swap', value: 'tone' } as unknown as ChipEdit, /^op must be/],
      [{ field: 'duration', value: MAX_CREATE_SECONDS + 1 }, /^duration must be/],
      [{ field: 'duration', value: Number.NaN }, /^duration must be/],
      [{ field: 'tempo', value: 'presto' } as unknown as ChipEdit, new RegExp(`^tempo must be one of ${TEMPO_LABELS.join(', ')}`)],
    ];
    for (const [edit, msg] of bad) expect(() => editInstruction(base, edit)).toThrow(msg);
    expect(() => sizePreset('huge')).toThrow(TypeError);
    for (const s of SIZE_PRESETS) expect(s.width % 2 + s.height % 2).toBe(0);
  });

  it('asksForNothing: true for gibberish, false once a chip is set', () => {
    const gib = read('xqzt blorf');
    expect(asksForNothing(gib)).toBe(true);
    expect(asksForNothing(editInstruction(gib, { field: 'lighting', value: 'low_key' }))).toBe(false);
    expect(asksForNothing(read('a teal sea'))).toBe(false);
  });
});

describe('compareRows', () => {
  it('words intended and observed per learning field with the learning record’s own agreement', () => {
    const ins = read('a slow pan left over a teal and navy sea, 90 bpm');
    const observed: ObservedValues = {
      palette: ['teal', 'gray'], motion: 'slow', camera: 'pan_right', gradient: 'flat', lighting: 'balanced',
      sound_frames: [{ silence: 0, tone: 70, rumble: 30, hiss: 0 }], tempo_bpm: 99, tempo: 'medium',
    };
    const learning = learningRecord('job-1', { ...intendedFromInstruction(ins), sound_frames: [{ silence: 0, tone: 100, rumble: 0, hiss: 0 }] }, observed);
    const rows = compareRows(learning);
    expect(rows.map((r) => r.field)).toEqual([...LEARNING_FIELDS]);
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(by.camera).toMatchObject({ intended: 'pan left', observed: 'pan right', agreement: 0 });
    expect(by.motion).toMatchObject({ intended: 'slow', observed: 'slow', agreement: 1 });
    expect(by.palette).toMatchObject({ intended: 'teal, navy', observed: 'teal, gray' });
    expect(by.palette?.agreement).toBeCloseTo(1 / 3, 10);
    expect(by.lighting).toMatchObject({ intended: '—', observed: 'balanced', agreement: null });
    expect(by.sound).toMatchObject({ intended: 'tone 100 %', observed: 'tone 70 %, rumble 30 %' });
    expect(by.sound?.agreement).toBeCloseTo(0.7, 10);
    expect(by.tempo?.intended).toBe('medium (90 bpm)');
    expect(by.tempo?.observed).toBe('medium (99 bpm)');
    for (const r of rows) expect(r.agreement).toBe(learning.fields[r.field].agreement);
  });
});
