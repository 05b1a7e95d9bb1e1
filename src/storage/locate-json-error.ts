// Where JSON text first goes wrong, found by a small strict scanner: engines' JSON.parse messages do not all
// carry a position (V8's "Unexpected token" has none). The same walk as the CLI's bin/lib/files.mjs.

/** The UTF-16 offset of the first error in JSON text and what was met there; null when the text is valid JSON. */
export interface JsonErrorPlace {
  offset: number;
  /** What is wrong there: "unexpected end", "unexpected character \"]\"", "unterminated string", … */
  reason: string;
}

class Located extends Error {
  constructor(readonly place: JsonErrorPlace) {
    super(place.reason);
  }
}

/** Past this nesting the scanner reports the nesting itself rather than overflow the stack. */
const MAX_DEPTH = 512;

/** The first error in `text` as strict JSON (RFC 8259), or null if it parses. */
export function locateJsonError(text: string): JsonErrorPlace | null {
  let i = 0;
  let depth = 0;
  const fail = (reason: string): never => {
    throw new Located({ offset: i, reason });
  };
  const met = () => (i >= text.length ? 'unexpected end' : `unexpected character ${JSON.stringify(text[i])}`);
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(met());
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(e === undefined ? 'unexpected end' : 'bad escape in a string');
      } else if (c < ' ') fail('control character in a string');
      else i++;
    }
    fail('unexpected end inside a string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(met());
    else i += m[0].length;
  };
  const value = (): void => {
    if (++depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') fail(i >= text.length ? 'unexpected end' : `expected a property name in double quotes, met ${JSON.stringify(text[i])}`);
          string();
          ws();
          if (text[i] !== ':') fail(i >= text.length ? 'unexpected end' : `expected ':' after a property name, met ${JSON.stringify(text[i])}`);
          i++;
          value();
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail(met());
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          value();
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail(met());
        }
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
    depth--;
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${met()} after the end of the JSON value`);
    return null;
  } catch (err) {
    if (err instanceof Located) return err.place;
    throw err;
  }
}
