import { describe, expect, it } from 'vitest';
import { assert, assertNever, AssertionError } from '../../src/core/assert.ts';
import { clipMode } from '../../src/loop/run-job.ts';

describe('assert and assertNever', () => {
  it('assert passes a true condition and throws a named AssertionError with its message otherwise', () => {
    expect(() => assert(1 + 1 === 2, 'arithmetic')).not.toThrow();
    expect(() => assert(null, 'a loop has settings')).toThrow(AssertionError);
    expect(() => assert(0, 'a loop has settings')).toThrow(/^a loop has settings$/);
    try {
      assert(undefined);
    } catch (e) {
      expect((e as Error).name).toBe('AssertionError');
    }
  });

  it('assertNever closes an exhaustive switch: every growth mode has a clip mode, anything else throws', () => {
    expect([clipMode('frame', 0), clipMode('window', 0), clipMode('all', 0), clipMode('all', 1)]).toEqual(['pure', 'blended', 'pure', 'blended']);
    expect(() => clipMode('sideways' as never, 0)).toThrow(/unexpected growth mode: "sideways"/);
    expect(() => assertNever('x' as never)).toThrow(AssertionError);
  });
});
