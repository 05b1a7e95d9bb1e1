// Session 10 (#14): passes that look for a word of their own read a slip through the spelling pass's correction
// (spelling.ts `readAs`), not through lists of misspellings kept beside them. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { lexiconIndex } from '../../src/core/language/lexicon.ts';
import { correctSpelling } from '../../src/core/language/spelling.ts';

const read = (p: string) => interpret(p).instruction;

describe('a slip reaches the pass that reads its word', () => {
  it('the spelling pass corrects slips of the longer function words', () => {
    const index = lexiconIndex([]);
    expect(correctSpelling('everyting', index)).toBe('everything');
    expect(correctSpelling('evreything', index)).toBe('everything');
    expect(correctSpelling('towords', index)).toBe('towards');
    // Real words near them stay: "heaving" is not "having", "shoving" not "showing".
    expect(correctSpelling('heaving', index)).toBeNull();
    expect(correctSpelling('shoving', index)).toBeNull();
  });

  it('the rest of the scene, said with a slip, gives the key over a light word of one thing', () => {
    // Without the rest ("everything else"), the shadow would make the key low.
    expect(read('one shadow on the wall').lighting).toBe('low_key');
    expect(read('evreything else white, one shadow on the wall').lighting).toBe('high_key');
    expect(read('everyting else white, one shadow on the wall').lighting).toBe('high_key');
  });

  it('a colour said of everything, with a slip, is the key', () => {
    expect(read('the whole valley under snow, evrything white').lighting).toBe('high_key');
  });

  it('a sound said to be everywhere, with a slip, is full', () => {
    expect(read('music').sound.presence).toBeNull();
    expect(read('music evrywhere').sound.presence).toBe('full');
  });

  it('a slip of keep that keeps the shot level is a still camera', () => {
    expect(read('keep it level').camera.move).toBe('static');
    expect(read('kepe it level').camera.move).toBe('static');
    expect(read('kep it level').camera.move).toBe('static');
  });

  it('a real word that only looks like a slip is not read as the word', () => {
    // "hardy" is a word of its own, not "hardly": the scene is not slow.
    expect(read('a hardy old fisherman mending nets').motion.level).toBeNull();
    expect(read('the pub was heaving').narrative.settings).toContain('pub');
  });
});
