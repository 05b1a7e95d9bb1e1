// Authentic names (FOUNDATION §5): a discovery's readable English name, deterministic from its value.
// Colours take the nearest name of color-name-list's curated "bestof" list (maintained on npm, ~4,500
// names) in OKLab; sounds are named from their make-up (a note name for the tone); per-window values and
// blends from their parts. Uniqueness within a registry is the store's job (it adds a qualifier).
import { colornames } from 'color-name-list/bestof';
import { rgbToOklab, type Lab } from '../color/oklab.ts';
import type { Rgb } from '../vocab/colors.ts';
import type { Candidate } from './identity.ts';

interface NamedLab {
  name: string;
  lab: Lab;
}

// Built on first use: the OKLab of every listed colour (a few ms, once per session).
let NAMED: NamedLab[] | null = null;
function namedColors(): NamedLab[] {
  if (!NAMED) {
    // Names with digits ("3AM Latte", "100 Mph") read as codes, not colours: left out.
    NAMED = colornames.filter((c) => !/\d/.test(c.name)).map((c) => {
      const n = parseInt(c.hex.slice(1), 16);
      return { name: c.name, lab: rgbToOklab([(n >> 16) & 255, (n >> 8) & 255, n & 255]) };
    });
  }
  return NAMED;
}

/** The list's name nearest to `rgb` in OKLab (ties: the earlier entry of the list). */
export function colorName(rgb: Rgb): string {
  const lab = rgbToOklab(rgb);
  let best = '';
  let bestD = Infinity;
  for (const c of namedColors()) {
    const d = (c.lab[0] - lab[0]) ** 2 + (c.lab[1] - lab[1]) ** 2 + (c.lab[2] - lab[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c.name;
    }
  }
  return best;
}

const NOTES = ['C', 'C♯', 'D', 'D♯', 'E', 'F', 'F♯', 'G', 'G♯', 'A', 'A♯', 'B'];

/** MIDI note number → scientific pitch name (69 → "A4"). */
export function noteName(midi: number): string {
  const m = Math.round(midi);
  return `${NOTES[((m % 12) + 12) % 12]}${Math.floor(m / 12) - 1}`;
}

/** Frequency in Hz → the nearest equal-tempered note name (A4 = 440 Hz). */
export function noteNameOfHz(hz: number): string {
  return noteName(69 + 12 * Math.log2(hz / 440));
}

/** A share of 0–100 as a word: how much of the whole a part is. */
function amount(share: number): string {
  if (share >= 60) return '';
  if (share >= 30) return 'some ';
  return 'a touch of ';
}

const SOUND_NOUN: Record<string, string> = { rumble: 'rumble', hiss: 'hiss', silence: 'silence' };

/**
 * A sound from its make-up: the largest part names it (a tone by its note), the other parts of at
 * least 10 % follow in share order ("A4 tone with some hiss and a touch of rumble").
 */
export function soundName(value: { breakdown: Record<string, number>; tone_hz: number | null }): string {
  const parts = Object.entries(value.breakdown)
    .filter(([, v]) => v >= 10)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const word = (k: string) => (k === 'tone' ? (value.tone_hz ? `${noteNameOfHz(value.tone_hz)} tone` : 'tone') : (SOUND_NOUN[k] ?? k));
  if (parts.length === 0) return 'silence';
  const [head, ...rest] = parts;
  const tail = rest.map(([k, v]) => `${amount(v)}${word(k)}`);
  return tail.length ? `${word(head![0])} with ${tail.join(' and ')}` : word(head![0]);
}

/** A canonical label as words: `pan_left` → "pan left". */
function words(label: string): string {
  return label.replace(/[._]/g, ' ');
}

/** Italian tempo markings by bpm, the names musicians use. */
function tempoMarking(bpm: number): string {
  if (bpm < 60) return 'largo';
  if (bpm < 76) return 'adagio';
  if (bpm < 108) return 'andante';
  if (bpm < 120) return 'moderato';
  if (bpm < 156) return 'allegro';
  if (bpm < 176) return 'vivace';
  return 'presto';
}

/** Compass-style name of an image-plane direction in degrees (0 = rightwards, y down, as §3.5). */
function direction(deg: number): string {
  const names = ['left to right', 'top-left to bottom-right', 'top to bottom', 'top-right to bottom-left', 'right to left', 'bottom-right to top-left', 'bottom to top', 'bottom-left to top-right'];
  return names[Math.round((((deg % 360) + 360) % 360) / 45) % 8]!;
}

function speedWord(x: number, slow: number, fast: number): string {
  if (x < slow) return 'gentle';
  if (x < fast) return 'steady';
  return 'brisk';
}

/** The name of a per-window value from its canonical label and raw numbers. */
function dynamicName(registry: string, canonical: string, raw: Record<string, number>): string {
  switch (registry) {
    case 'dynamic.motion':
      return `${words(canonical)} motion`;
    case 'dynamic.camera': {
      if (canonical === 'static') return 'locked-off camera';
      const mag = Math.max(Math.abs(raw.dx ?? 0), Math.abs(raw.dy ?? 0), Math.abs(raw.zoom ?? 0), Math.abs(raw.roll ?? 0) / 45);
      return `${speedWord(mag, 0.1, 0.3)} ${words(canonical)}`;
    }
    case 'dynamic.gradient':
      // §3.5: the direction is where OKLab lightness increases.
      if (canonical.startsWith('linear') && raw.direction_deg !== undefined) return `gradient lightening ${direction(raw.direction_deg)}`;
      if (canonical === 'radial' && raw.center_x !== undefined) {
        const off = Math.hypot((raw.center_x ?? 0.5) - 0.5, (raw.center_y ?? 0.5) - 0.5);
        return off < 0.15 ? 'radial gradient from the centre' : 'off-centre radial gradient';
      }
      return `${words(canonical)} gradient`;
    case 'dynamic.lighting':
      return `${words(canonical)} light`;
    case 'dynamic.sound.tempo':
      return raw.bpm !== undefined ? `${tempoMarking(raw.bpm)} ${Math.round(raw.bpm)} bpm` : `${words(canonical)} tempo`;
    case 'dynamic.sound.mood':
      return `${words(canonical)} sound`;
    case 'dynamic.sound.presence':
      return `${words(canonical)} soundtrack`;
    case 'dynamic.sound.speech':
      return `${words(canonical)}`;
    default:
      return words(canonical);
  }
}

/** A blend from its parts: the two or three largest, largest first ("slow motion, pan left and dark"). */
function blendName(parts: Record<string, number>): string {
  const top = Object.entries(parts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([k]) => {
      const [domain, label] = k.split('.', 2) as [string, string | undefined];
      return label === undefined ? words(domain) : `${words(label)} ${domain === 'camera' ? '' : domain}`.trim();
    });
  if (top.length <= 1) return top[0] ?? 'blend';
  return `${top.slice(0, -1).join(', ')} and ${top[top.length - 1]}`;
}

/** The authentic name of a new discovery (before the store makes it unique in its registry). */
export function authenticName(candidate: Candidate): string {
  const v = candidate.value as {
    rgb?: Rgb;
    breakdown?: Record<string, number>;
    tone_hz?: number | null;
    notes?: number[];
    raw?: Record<string, number>;
    parts?: Record<string, number>;
  };
  if (v.rgb) return colorName(v.rgb);
  if (v.breakdown) return soundName({ breakdown: v.breakdown, tone_hz: v.tone_hz ?? null });
  if (v.notes) return v.notes.length ? `melody ${v.notes.map(noteName).join(' ')}` : 'melody';
  if (v.parts) return blendName(v.parts);
  return dynamicName(candidate.registry, candidate.canonical, v.raw ?? {});
}
