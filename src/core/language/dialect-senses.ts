// Round 6 of #14 (dialect senses): regional senses of common words ("burn" a stream in Scotland, "station" a farm in
// Australia, "dairy" a corner shop in New Zealand, "compound" a family's houses in Nigeria), from a table tagged by
// region (data/dialect-senses.json). A regional sense joins the lexicon as a sense of variant `dialect` with its
// region, marked `regional`: the disambiguator chooses it when the prompt shows that region — a marker word of the
// region ("lah", "abeg", "yaar", "cannae") or another word the lexicon tags with a region of the same family — or when
// the word has no other reading; otherwise the word keeps its standard sense. The span records variant `dialect`
// and the region, via `dialect`.
import data from './data/dialect-senses.json';
import { isDomain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import type { Token } from './tokenize.ts';

interface Region {
  markers: string[];
  senses: Record<string, Record<string, string>>;
}
const TABLE = data as unknown as { families: Record<string, string[]>; regions: Record<string, Region>; standard: string[] };
/** Words of the table that a standard English dictionary has (scripts/mark-dialect-senses.mjs). */
const STANDARD: ReadonlySet<string> = new Set(TABLE.standard);

/** Whether a word of a regional sense is also standard English ("burn"), so its regional sense needs the region shown. */
export function isStandardWord(word: string): boolean {
  return STANDARD.has(word);
}

/** Every regional sense of the table, as lexicon records (variant dialect, its region, regional). */
export function regionalSenseRecords(): LexRecord[] {
  const out: LexRecord[] = [];
  for (const [region, r] of Object.entries(TABLE.regions)) {
    for (const [domain, map] of Object.entries(r.senses)) {
      // A domain the passes cannot compose is a data error, found on first use rather than ignored.
      if (!isDomain(domain)) throw new Error(`dialect senses: unknown domain "${domain}"`);
      for (const [span, canonical] of Object.entries(map)) out.push({ span, canonical, domain, variant: 'dialect', dialect: region, source: 'built-in', mechanism: 'dialect', regional: true });
    }
  }
  return out;
}

/** The marker words of a region ("lah" for singapore), [] for a region with none. */
export function regionMarkers(region: string): readonly string[] {
  return TABLE.regions[region]?.markers ?? [];
}

/** Marker phrases (lower case, as token words) → their region. */
const MARKERS: ReadonlyMap<string, string> = new Map(Object.entries(TABLE.regions).flatMap(([region, r]) => r.markers.map((m) => [m, region] as [string, string])));
const MAX_MARKER_WORDS = Math.max(1, ...[...MARKERS.keys()].map((m) => m.split(' ').length));

/** The regions whose markers the prompt's words show ("lah" → singapore; "cannot tahan" too). */
export function markedRegions(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    let phrase = '';
    for (let n = 0; n < MAX_MARKER_WORDS && k + n < tokens.length; n++) {
      phrase = n === 0 ? (tokens[k]?.lower ?? '') : `${phrase} ${tokens[k + n]?.lower ?? ''}`;
      const region = MARKERS.get(phrase);
      if (region) out.add(region);
    }
  }
  return out;
}

/** Whether a region shown by the prompt (`shown`) is of the family of a regional sense's region. */
export function regionShown(region: string | undefined, shown: ReadonlySet<string>): boolean {
  if (region === undefined) return false;
  const family = TABLE.families[region] ?? [region];
  return family.some((r) => shown.has(r));
}
