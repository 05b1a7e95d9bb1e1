// One paragraph in words of what an mp4-analysis/1 report measured: dominant colours by name, camera and motion over
// time, lighting, the sound's make-up (silence called silence), tempo, cuts and transitions. Pure: it reads the report
// and says only what the report holds.
import type { CameraMove, Lighting, MotionLevel, SoundMood, SoundPrimitive } from '../vocab/index.ts';
import { SOUND_PRIMITIVES } from '../vocab/sounds.ts';
import { hasPicture, type AnalysisReport, type FrameColor, type PictureWindowReport, type TransitionReport } from './analysis.ts';
import { colorWords } from './color-words.ts';
import { codecInWords } from './explain-failure.ts';

/** A colour name, its share of the picture over the whole clip (percent of frame area × time) and its mean colour. */
export interface NamedShare {
  name: string;
  share: number;
  rgb: [number, number, number];
}

/** A colour name must cover at least this share (%) of the clip to be named in the summary. */
export const MIN_NAMED_SHARE = 8;
/** A sound part must make up at least this share (%) of the clip's frames to be named. */
export const MIN_SOUND_SHARE = 10;

const MOVE_WORDS: Record<CameraMove, string> = {
  static: 'holds still',
  pan_left: 'pans left',
  pan_right: 'pans right',
  tilt_up: 'tilts up',
  tilt_down: 'tilts down',
  zoom_in: 'zooms in',
  zoom_out: 'zooms out',
  roll_cw: 'rolls clockwise',
  roll_ccw: 'rolls anticlockwise',
  shake: 'shakes',
};

const LIGHTING_WORDS: Record<Lighting, string> = {
  low_key: 'dark (low-key)',
  high_key: 'bright (high-key)',
  flat: 'flat and even',
  balanced: 'balanced',
};

const SOUND_WORDS: Record<SoundPrimitive, string> = {
  silence: 'silence',
  tone: 'steady tone',
  rumble: 'low rumble',
  hiss: 'hiss',
};

const MOOD_WORDS: Record<SoundMood, string> = { calm: 'calm', tense: 'tense', bright: 'bright', dark: 'dark' };

const TRANSITION_WORDS: Record<TransitionReport['kind'], string> = { fade_in: 'a fade-in', fade_out: 'a fade-out', dissolve: 'a dissolve' };
const TRANSITIONS_WORDS: Record<TransitionReport['kind'], string> = { fade_in: 'fade-ins', fade_out: 'fade-outs', dissolve: 'dissolves' };

/** Seconds as words: "0.5 s", "12 s", "1 min 5 s". */
export function secondsWords(s: number): string {
  if (s >= 60) {
    const m = Math.floor(s / 60);
    const rest = Math.round(s - 60 * m);
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  return `${+s.toFixed(s < 10 ? 1 : 0)} s`;
}

/** "a", "a and b", "a, b and c". */
function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const pct = (x: number) => `${Math.round(x)} %`;
// "an 8 s clip", "an 11 s clip", "an 18 s clip"
const article = (words: string) => (/^(8|11 |18 |11\.|18\.)/.test(words) ? 'An' : 'A');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The clip's colours by name with their share of the picture over time, largest first (frames weighted equally). */
export function dominantColors(report: AnalysisReport): NamedShare[] {
  return dominantColorsOf(report.frames.map((f) => f.colors));
}

/** dominantColors over frames' palettes given one by one (the Analyze view keeps them in typed arrays, not frames). */
export function dominantColorsOf(palettes: Iterable<readonly Pick<FrameColor, 'rgb' | 'share'>[]>): NamedShare[] {
  // name → [share sum, r·share, g·share, b·share]
  const byName = new Map<string, [number, number, number, number]>();
  let frames = 0;
  for (const colors of palettes) {
    if (colors.length === 0) continue;
    frames++;
    const total = colors.reduce((s, c) => s + c.share, 0) || 1;
    for (const c of colors) {
      const name = colorWords(c.rgb);
      const w = (100 * c.share) / total;
      const acc = byName.get(name) ?? [0, 0, 0, 0];
      byName.set(name, [acc[0] + w, acc[1] + w * c.rgb[0], acc[2] + w * c.rgb[1], acc[3] + w * c.rgb[2]]);
    }
  }
  if (frames === 0) return [];
  return [...byName]
    .map(([name, [w, r, g, b]]): NamedShare => ({ name, share: w / frames, rgb: [Math.round(r / w), Math.round(g / w), Math.round(b / w)] }))
    .sort((a, b) => b.share - a.share);
}

/** Runs of equal values over the windows: [value, t0, t1]. */
function runs<T>(windows: readonly PictureWindowReport[], of: (w: PictureWindowReport) => T): [T, number, number][] {
  const out: [T, number, number][] = [];
  for (const w of windows) {
    const v = of(w);
    const last = out[out.length - 1];
    if (last && last[0] === v) last[2] = w.t1;
    else out.push([v, w.t0, w.t1]);
  }
  return out;
}

/** Share of time (0–1) each value holds over the windows, largest first. */
function shares<T>(windows: readonly PictureWindowReport[], of: (w: PictureWindowReport) => T): [T, number][] {
  const m = new Map<T, number>();
  let total = 0;
  for (const w of windows) {
    const d = Math.max(0, w.t1 - w.t0);
    m.set(of(w), (m.get(of(w)) ?? 0) + d);
    total += d;
  }
  return [...m].map(([v, d]): [T, number] => [v, total > 0 ? d / total : 0]).sort((a, b) => b[1] - a[1]);
}

function cameraSentence(windows: readonly PictureWindowReport[]): string {
  const r = runs(windows, (w) => w.camera.move);
  if (r.length === 1) return `The camera ${MOVE_WORDS[r[0]![0]]} throughout`;
  if (r.length <= 4) {
    return `The camera ${r.map(([move, t0, t1], i) => `${MOVE_WORDS[move]} ${i === 0 ? `until ${secondsWords(t1)}` : i === r.length - 1 ? 'to the end' : `from ${secondsWords(t0)}`}`).join(', then ')}`;
  }
  const s = shares(windows, (w) => w.camera.move);
  const [main, mainShare] = s[0]!;
  return `The camera mostly ${MOVE_WORDS[main]} (${pct(100 * mainShare)} of the time) and at times ${list(s.slice(1, 3).map(([m]) => MOVE_WORDS[m]))}, changing ${r.length - 1} times`;
}

function motionSentence(windows: readonly PictureWindowReport[]): string {
  const r = runs(windows, (w) => w.motion.level);
  const word = (l: MotionLevel) => (l === 'still' ? 'still' : l);
  if (r.length === 1) return `motion is ${word(r[0]![0])} throughout`;
  if (r.length <= 3) return `motion is ${r.map(([l, t0], i) => (i === 0 ? word(l) : `${word(l)} from ${secondsWords(t0)}`)).join(', then ')}`;
  const peak = windows.reduce((a, b) => (b.motion.speed > a.motion.speed ? b : a));
  const s = shares(windows, (w) => w.motion.level);
  return `motion is mostly ${word(s[0]![0])}, varying between ${list([...new Set(windows.map((w) => w.motion.level))].map(word))} and fastest around ${secondsWords((peak.t0 + peak.t1) / 2)}`;
}

function lightingSentence(windows: readonly PictureWindowReport[]): string {
  const s = shares(windows, (w) => w.lighting);
  const [main, share] = s[0]!;
  if (s.length === 1) return `The lighting is ${LIGHTING_WORDS[main]} throughout.`;
  const r = runs(windows, (w) => w.lighting);
  if (r.length <= 3) return `The lighting is ${r.map(([l, t0], i) => (i === 0 ? LIGHTING_WORDS[l] : `${LIGHTING_WORDS[l]} from ${secondsWords(t0)}`)).join(', then ')}.`;
  return `The lighting is mostly ${LIGHTING_WORDS[main]} (${pct(100 * share)} of the time), at times ${list(s.slice(1).map(([l]) => LIGHTING_WORDS[l]))}.`;
}

function soundSentences(report: AnalysisReport): string[] {
  if (!report.audio) return ['There is no sound track.'];
  const heard = report.frames.filter((f) => f.sound !== null);
  if (!report.audio.decodable || heard.length === 0) return ['The sound track could not be decoded here, so its sound is not described.'];
  const mean = Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, heard.reduce((s, f) => s + (f.sound?.breakdown[p] ?? 0), 0) / heard.length])) as Record<SoundPrimitive, number>;
  if (mean.silence >= 99) return ['The sound track is silent throughout: silence, no tone, rumble or hiss.'];
  const parts = SOUND_PRIMITIVES.filter((p) => mean[p] >= MIN_SOUND_SHARE).sort((a, b) => mean[b] - mean[a]);
  const tones = heard.map((f) => f.sound?.tone_hz).filter((hz): hz is number => typeof hz === 'number').sort((a, b) => a - b);
  const toneHz = tones.length >= heard.length * 0.2 ? tones[Math.floor(tones.length / 2)]! : null;
  const word = (p: SoundPrimitive) => `${SOUND_WORDS[p]}${p === 'tone' && toneHz !== null ? ` at about ${toneHz >= 1000 ? `${+(toneHz / 1000).toFixed(1)} kHz` : `${Math.round(toneHz)} Hz`}` : ''}`;
  const out = [parts.length === 1 && mean[parts[0]!] >= 90 ? `The sound is ${mean[parts[0]!] >= 99 ? 'all' : 'almost all'} ${word(parts[0]!)} (${pct(mean[parts[0]!])}).` : `The sound is ${list(parts.map((p) => `${pct(mean[p])} ${word(p)}`))}.`];
  const sounding = report.windows.filter((w) => w.sound !== null);
  // speech_share is a percentage of each window's audio frames (FOUNDATION §7)
  const speech = sounding.length ? sounding.reduce((s, w) => s + (w.sound?.speech_share ?? 0), 0) / sounding.length : 0;
  const moods = new Map<SoundMood, number>();
  for (const w of sounding) if (w.sound && w.sound.presence !== 'absent') moods.set(w.sound.mood, (moods.get(w.sound.mood) ?? 0) + 1);
  const mood = [...moods].sort((a, b) => b[1] - a[1])[0]?.[0];
  const extra = [speech >= 20 ? `someone speaks in about ${pct(speech)} of it` : null, mood ? `its mood is ${MOOD_WORDS[mood]}` : null].filter((x): x is string => x !== null);
  if (extra.length) out.push(`${cap(list(extra))}.`);
  return out;
}

function tempoSentence(report: AnalysisReport): string | null {
  const t = report.tempo;
  if (!report.audio || !t) return null;
  if (t.bpm === null) return 'There is no steady beat.';
  return `It has a steady beat at ${Math.round(t.bpm)} bpm (${t.label} tempo).`;
}

function shotsSentence(report: AnalysisReport): string {
  const cuts = report.cuts.length;
  // grouped by kind: "dissolves at 1.4 s and 6.4 s, a fade-out at 9 s"
  const byKind = new Map<TransitionReport['kind'], string[]>();
  for (const x of report.transitions) byKind.set(x.kind, [...(byKind.get(x.kind) ?? []), secondsWords(report.frames[x.start_frame]?.t ?? 0)]);
  const trans = [...byKind].map(([kind, at]) => (at.length === 1 ? `${TRANSITION_WORDS[kind]} at ${at[0]}` : `${TRANSITIONS_WORDS[kind]} at ${list(at.slice(0, 5))}${at.length > 5 ? ', …' : ''}`));
  const shots = report.shots.length;
  const cutWords = cuts === 0 ? 'no hard cuts' : `${cuts} hard cut${cuts === 1 ? '' : 's'} (at ${list(report.cuts.slice(0, 6).map((c) => secondsWords(c.t)))}${cuts > 6 ? ', …' : ''})`;
  const transWords = trans.length === 0 ? 'no fades or dissolves' : list(trans);
  return `${shots === 1 ? 'It is one shot' : `It has ${shots} shots`}, with ${cutWords} and ${transWords}.`;
}

/** One paragraph describing the report in words (a few sentences, each about one aspect). */
export function summarizeReport(report: AnalysisReport): string {
  const dur = report.video?.decodable ? report.video.duration_s : (report.audio?.duration_s ?? report.container.duration_s);
  const pictured = report.windows.filter(hasPicture);
  const out: string[] = [];
  if (report.video?.decodable && pictured.length > 0) {
    out.push(`${article(secondsWords(dur))} ${secondsWords(dur)} clip, ${report.video.width}×${report.video.height} at ${+report.video.fps.toFixed(2)} frames a second.`);
    const named = dominantColors(report).filter((c) => c.share >= MIN_NAMED_SHARE).slice(0, 4);
    if (named.length > 0) {
      const [first, ...rest] = named;
      out.push(`Its colours are mostly ${first!.name} (${pct(first!.share)} of the picture)${rest.length ? `, with ${list(rest.map((c) => `${c.name} (${pct(c.share)})`))}` : ''}.`);
    }
    out.push(`${cameraSentence(pictured)}, and ${motionSentence(pictured)}.`);
    out.push(lightingSentence(pictured));
  } else if (report.video) {
    out.push(`${article(secondsWords(dur))} ${secondsWords(dur)} file whose picture (${codecInWords(report.video.codec) ?? report.video.codec}) this browser cannot decode, so only its sound is described.`);
  } else {
    out.push(`${article(secondsWords(dur))} ${secondsWords(dur)} sound file with no picture.`);
  }
  out.push(...soundSentences(report));
  const tempo = tempoSentence(report);
  if (tempo) out.push(tempo);
  if (report.video?.decodable && pictured.length > 0) out.push(shotsSentence(report));
  return out.join(' ');
}
