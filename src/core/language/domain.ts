// The domains a lexicon record can carry (FOUNDATION §9 names the open list; these are the ones the
// interpreter composes or skips on purpose), so every pass can switch over them exhaustively.

/** Every domain of the lexicon data, origin vocabularies and learned entries the interpreter reads. */
export const DOMAINS = [
  'color', 'color_modifier', 'palette', 'sound', 'presence', 'tempo', 'sound_mood', 'sound_quality', 'motion', 'camera',
  'direction', 'gradient', 'lighting', 'intensity', 'negation', 'hedge', 'duration', 'unit', 'number', 'setting', 'mood',
  'genre', 'theme', 'style', 'scene_type', 'plot', 'subject', 'approval', 'filler', 'function',
] as const;

/** One lexicon domain. */
export type Domain = (typeof DOMAINS)[number];

const DOMAIN_SET: ReadonlySet<string> = new Set(DOMAINS);

/** Whether a string (from data or a learned entry) is a domain the interpreter knows. */
export function isDomain(value: unknown): value is Domain {
  return typeof value === 'string' && DOMAIN_SET.has(value);
}

/** Ends an exhaustive switch: the compiler proves it unreachable; at run time it names the value it met. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
