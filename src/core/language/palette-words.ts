// Round 8 (#14): colour words the palette loses. (1) A two-colour name inside a list of colours ("pink yellow green",
// "red green yellow stripes") is two items of the list, not the one colour its name lists ("yellow green" alone is
// chartreuse: green). (2) A plural colour word is a colour noun whatever phrase holds it ("murky greys", "washed-out
// blues": the phrase's own reading stays). (3) A WordNet compound named by a primitive colour ("black gums", "white
// oaks") is a thing of that colour: the colour joins the palette, the thing keeps its reading. Spans say
// `implies: {color}` when they are not colour spans.
import { isColorPrimitive, type ColorPrimitiveName } from '../vocab/index.ts';
import { clauseBetween, pushUnique, type Chosen, type PassState } from './chosen.ts';

/** The primitive a colour word names, plurals and British spellings included ("greys" → gray), or null. */
function primitiveOf(word: string): ColorPrimitiveName | null {
  const w = word.replace(/^grey/, 'gray');
  const base = w.endsWith('s') && isColorPrimitive(w.slice(0, -1)) ? w.slice(0, -1) : w;
  return isColorPrimitive(base) ? base : null;
}

/** Add the colours the palette loses (see the file comment); `excluded`: colours the prompt rules out. */
export function readPaletteWords(state: PassState, excluded: ReadonlySet<string>): void {
  const { tokens, chosen, instruction } = state;
  const colors = instruction.palette.primitives;
  const add = (p: ColorPrimitiveName | null, c: Chosen): void => {
    if (!p || excluded.has(p) || colors.includes(p)) return;
    pushUnique(colors, p);
    if (c.domain !== 'color') c.implies = { ...c.implies, color: p };
  };
  const isPrimitiveSpan = (c: Chosen | undefined): boolean => c !== undefined && !c.negated && c.domain === 'color' && isColorPrimitive(c.canonical);
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c || c.negated) continue;
    const words = c.record.span.split(' ');
    if (c.domain === 'color' && words.length === 2) {
      // (1) A two-colour name next to another colour in a run written with spaces only.
      const prev = chosen[k - 1];
      const next = chosen[k + 1];
      const inRun = (o: Chosen | undefined): boolean => isPrimitiveSpan(o) && o !== undefined && (o.j === c.i || o.i === c.j) && !clauseBetween(state, Math.min(o.i, c.i), Math.max(o.j, c.j) - 1) && /^\s+$/.test(state.gaps[o.j === c.i ? c.i : o.i] ?? '');
      if (words.every((w) => primitiveOf(w) !== null) && (inRun(prev) || inRun(next))) {
        // The colour the pair's name lists ("blue green": teal) is not in the list unless another word says it.
        const listed = c.canonical;
        if (!words.some((w) => primitiveOf(w) === listed) && !chosen.some((o) => o !== c && !o.negated && o.domain === 'color' && o.canonical === listed)) colors.splice(colors.indexOf(listed as ColorPrimitiveName) >>> 0, colors.includes(listed as ColorPrimitiveName) ? 1 : 0);
        for (const w of words) add(primitiveOf(w), c);
      }
      continue;
    }
    if (c.domain === 'color') continue;
    // (2) A plural colour word inside another phrase.
    for (let q = c.i; q < c.j; q++) {
      const w = tokens[q]?.lower ?? '';
      if (w.endsWith('s') && primitiveOf(w)) add(primitiveOf(w), c);
    }
    // (3) A WordNet compound named by a primitive colour.
    if (c.via === 'wordnet' && c.j - c.i > 1) add(primitiveOf(tokens[c.i]?.lower ?? ''), c);
  }
}
