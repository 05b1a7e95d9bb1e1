// Import failures in words: the JSON error locator agrees with JSON.parse on what is valid, finds the end of a
// file cut short, and the message says where (UTF-8 byte, line, column) and that nothing was changed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateJsonError } from '../../src/storage/locate-json-error.ts';
import { describeJsonFailure, importFailure } from '../../src/storage/import-failure.ts';
import { parseExportText } from '../../src/storage/export.ts';
import { ImportValidationError } from '../../src/storage/errors.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locateJsonError', () => {
  it('finds no error exactly where JSON.parse accepts (random JSON and random cuts of it)', () => {
    fc.assert(fc.property(fc.json(), fc.nat(), (text, at) => {
      expect(locateJsonError(text)).toBe(null);
      const cut = text.slice(0, at % (text.length + 1));
      expect(locateJsonError(cut) === null).toBe(parses(cut));
    }), { numRuns: 500 });
  });

  it('a cut inside a string, a number, a literal or between values is an unexpected end at the end', () => {
    const text = JSON.stringify({ name: 'Paradise Island', rgb: [91, 173, 165], ok: true, none: null }, null, 2);
    for (let at = 1; at < text.length; at++) {
      const cut = text.slice(0, at);
      const found = locateJsonError(cut);
      if (parses(cut)) continue;
      expect(found, cut).not.toBe(null);
      expect(found!.offset, cut).toBe(cut.length);
    }
  });

  it('points at a stray character', () => {
    expect(locateJsonError('{"a": ]}')).toEqual({ offset: 6, reason: 'unexpected character "]"' });
    expect(locateJsonError('[1, 2,]')).toEqual({ offset: 6, reason: 'unexpected character "]"' });
    expect(locateJsonError('{"a": 1} x')?.offset).toBe(9);
    expect(locateJsonError("{'a': 1}")?.reason).toMatch(/property name in double quotes/);
  });
});

describe('import failure messages', () => {
  it('a truncated file: unexpected end at its UTF-8 byte length, line and column; nothing changed', () => {
    const text = '{\n  "name": "Café",\n  "x": [1, 2';
    let err: unknown = null;
    try {
      parseExportText(text);
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('ImportParseError');
    expect(err).toBeInstanceOf(SyntaxError);
    // "é" is two bytes in UTF-8: 32 characters, 33 bytes: the end is byte 33, one past the last character (column 13)
    expect(importFailure(err, 'cut.json').message).toBe(
      'Import failed: cut.json: the file is not valid JSON (unexpected end at byte 33, line 3 column 13; the file looks cut short). Nothing was changed.',
    );
  });

  it('an empty file and a byte-order mark', () => {
    expect(describeJsonFailure('  \n', new SyntaxError('x')).message).toBe('the file is not valid JSON (the file is empty)');
    expect(parseExportText('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  it('a wrong-schema file lists its problems', () => {
    const f = importFailure(new ImportValidationError([{ path: '/exported_at', message: 'must match pattern' }, { path: '', message: "must have required property 'runs'" }]), 'w.json');
    expect(f.message).toBe('Import failed: w.json: the file is JSON but not a motion-registries/1 export (2 problems, listed below). Nothing was changed.');
    expect(f.problems).toEqual(['/exported_at: must match pattern', "/: must have required property 'runs'"]);
  });
});
