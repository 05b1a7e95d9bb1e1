// FOUNDATION §8: the `instruction/1` shape, the interpretation of a prompt with every value canonical.
import type { CameraMove, ColorPrimitiveName, GradientType, Lighting, MotionLevel, Plot, Presence, SoundMood, SoundPrimitive, TempoLabel } from '../vocab/index.ts';

/** Schema tag of FOUNDATION §7's instruction; bump it when the shape changes so stored instructions can be migrated. */
export const INSTRUCTION_SCHEMA = 'instruction/1' as const;

/** How a span is written relative to its canonical value (FOUNDATION §9): the value itself, a synonym, a spelling, a dialect or slang. */
export type SpanVariant = 'standard' | 'synonym' | 'spelling' | 'dialect' | 'slang';

/** One stretch of the prompt mapped to a canonical value. Offsets are UTF-16 indices into the prompt. */
export interface Span {
  text: string;
  start: number;
  end: number;
  domain: string;
  canonical: string;
  variant: SpanVariant;
  /** Dialect or slang region (british, scottish, irish, australian, us_regional, aave, internet…), when known. */
  dialect?: string;
  /**
   * The mechanism that made the span (an extra field, like `dialect`: FOUNDATION §8 fixes the six above and
   * leaves more open): lexicon, learned, wordnet, spelling, implied, syntax or number.
   */
  via?: string;
  /** Values the span implies beyond its own ("candles" → lighting low_key), recorded by the scene mechanism. */
  implies?: Record<string, string>;
}

/** FOUNDATION §7: the interpreter's structured reading of a prompt; a field it did not find stays null or empty, never guessed. */
export interface Instruction {
  schema: typeof INSTRUCTION_SCHEMA;
  prompt: string;
  palette: { primitives: ColorPrimitiveName[]; concept: string | null };
  motion: { level: MotionLevel | null };
  camera: { move: CameraMove | null };
  gradient: { type: GradientType | null };
  lighting: Lighting | null;
  sound: { primitives: SoundPrimitive[]; tempo: TempoLabel | null; bpm: number | null; tone_hz: number | null; mood: SoundMood | null; presence: Presence | null };
  narrative: {
    settings: string[];
    genre: string[];
    mood: string[];
    themes: string[];
    style: string[];
    scene_type: string | null;
    plot: Plot | null;
  };
  duration_s: number | null;
  spans: Span[];
  unknown: { text: string; start: number; end: number }[];
}

/** An instruction that asks for nothing: every field null or empty. */
export function emptyInstruction(prompt = ''): Instruction {
  return {
    schema: INSTRUCTION_SCHEMA,
    prompt,
    palette: { primitives: [], concept: null },
    motion: { level: null },
    camera: { move: null },
    gradient: { type: null },
    lighting: null,
    sound: { primitives: [], tempo: null, bpm: null, tone_hz: null, mood: null, presence: null },
    narrative: { settings: [], genre: [], mood: [], themes: [], style: [], scene_type: null, plot: null },
    duration_s: null,
    spans: [],
    unknown: [],
  };
}
