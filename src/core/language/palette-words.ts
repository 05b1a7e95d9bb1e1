// Round 8 (#14): colour words the palette loses. (1) A two-colour name inside a list of colours ("pink yellow green",
// "red green yellow stripes") is two items of the list, not the one colour its name lists ("yellow green" alone is
// chartreuse: green). (2) A plural colour word is a colour noun whatever phrase holds it ("murky greys", "washed-out
// blues": the phrase's own reading stays). (3) A WordNet compound named by a primitive colour ("black gums", "white
// oaks") is a thing of that colour: the colour joins the palette, the thing keeps its reading. Spans say
// `implies: {color}` when they are not colour spans.
// Session 10: (4) the primitive a colour name ends in is a colour the writer said, whatever shade the name is filed
// under: "dark blue" (#00008b) and "deep blue" are filed under navy, "neon purple" under magenta, "bright teal" under
// cyan, "pale yellow" moved in OKLab may land on white; the named primitive (blue, purple, teal, yellow) joins the
// palette beside the shade. People who write "dark blue" mean a blue (every dev slice that checks one wants blue); a
// frame of #00008b is filed under navy, which stays.
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
  // (4) The head primitive of a shade ("dark blue": blue beside navy), or of a colour a modifier word before it moved.
  const add4 = (c: Chosen, words: readonly string[]): void => {
    const head = primitiveOf(words.at(-1) ?? '');
    if (!head || head === c.canonical || !isColorPrimitive(c.canonical) || !colors.includes(c.canonical)) return;
    const shaded = words.length === 2 ? primitiveOf(words[0] ?? '') === null : chosen.some((m) => m.j === c.i && m.domain === 'color_modifier' && !clauseBetween(state, m.j - 1, c.i));
    if (!shaded || excluded.has(head) || colors.includes(head)) return;
    colors.splice(colors.indexOf(c.canonical), 0, head);
  };
  const isPrimitiveSpan = (c: Chosen | undefined): boolean => c !== undefined && !c.negated && c.domain === 'color' && isColorPrimitive(c.canonical);
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c || c.negated) continue;
    const words = c.record.span.split(' ');
    if (c.domain === 'color') add4(c, words);
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
