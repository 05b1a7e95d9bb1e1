// File helpers for the CLI: atomic writes, and JSON parsing with line/column in the error.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A file that is not valid JSON; the message says where (file:line:column). */
export class JsonParseError extends Error {
  name = 'JsonParseError';
}

/** Why a file cannot be written at `path` (its folder missing or not a folder), or null: checked before any work. */
export function outputFolderProblem(path, flag) {
  const folder = dirname(resolve(path));
  let st;
  try {
    st = statSync(folder);
  } catch {
    return `${flag}: the folder ${folder} does not exist (create it first, or choose another path)`;
  }
  return st.isDirectory() ? null : `${flag}: ${folder} is not a folder`;
}

/** Write text to `path` via a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(path, text) {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, full);
}

/** 1-based line and column of a UTF-16 offset in text. */
export function lineColumn(text, offset) {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/**
 * Where JSON text first goes wrong: { offset, message }. Only run after JSON.parse failed, since
 * Node's own message does not always carry a position.
 */
export function locateJsonError(text) {
  let i = 0;
  const fail = (message) => {
    throw { offset: i, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () => (i >= text.length ? 'end of input' : `${JSON.stringify(text[i])}`);
  const literal = (word) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad escape in string');
      } else if (c < ' ') fail('control character in string');
      else i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${describe()}`);
    i += m[0].length;
  };
  // The locator recurses once per nesting level: past this depth it reports the nesting itself
  // instead of overflowing the stack (no export of the app nests anywhere near it).
  const MAX_DEPTH = 512;
  let depth = 0;
  const value = () => {
    if (++depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    try {
      return inner();
    } finally {
      depth--;
    }
  };
  const inner = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, got ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after property name, got ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`expected ',' or '}' in object, got ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`expected ',' or ']' in array, got ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
  } catch (e) {
    if (e && typeof e.offset === 'number') return e;
    throw e;
  }
  return null;
}

/** JSON.parse with the error located: `file:line:column: invalid JSON: what`. */
export function parseJsonText(text, name = '<input>') {
  try {
    return JSON.parse(text);
  } catch (err) {
    const where = locateJsonError(text) ?? { offset: 0, message: err instanceof Error ? err.message : String(err) };
    const { line, column } = lineColumn(text, where.offset);
    throw new JsonParseError(`${name}:${line}:${column}: invalid JSON: ${where.message}`);
  }
}

/** Read and parse a JSON file, with a located error. */
export function readJsonFile(path) {
  return parseJsonText(readFileSync(path, 'utf8'), path);
}
