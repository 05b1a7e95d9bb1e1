// Error and warning codes of an mp4-analysis/1 report (src/media/media-errors.ts) in plain sentences, each with the
// next thing to do: the report keeps its precise code and message; a person reads these.
import { assertNever } from '../assert.ts';
import type { AnalysisErrorCode, AnalysisWarningCode } from './analysis.ts';

/** What went wrong in words, and what to do about it. */
export interface Explained {
  /** One sentence: what happened, in terms of the file. */
  what: string;
  /** One sentence: the next step (a command to run, another file to try). */
  next: string;
}

/** Formats the app reads (Mediabunny's demuxers), for "try one of these". */
export const READABLE_FORMATS = 'MP4, MOV, M4V, WebM or MKV video, or M4A, MP3, WAV, FLAC or Ogg audio';

// Codec strings (RFC 6381 and Mediabunny's short names) → the name people know.
const CODEC_NAMES: readonly [RegExp, string][] = [
  [/\b(hev1|hvc1|hevc)\b/i, 'HEVC (H.265)'],
  [/\b(avc1|avc3|avc)\b/i, 'H.264'],
  [/\b(av01|av1)\b/i, 'AV1'],
  [/\b(vp09|vp9)\b/i, 'VP9'],
  [/\b(vp08|vp8)\b/i, 'VP8'],
  [/\b(dvh1|dvhe|dva1|dvav)\b/i, 'Dolby Vision'],
  [/\b(apch|apcn|apcs|apco|ap4h|ap4x|prores)\b/i, 'Apple ProRes'],
  [/\b(mp4v)\b/i, 'MPEG-4 Part 2'],
  [/\b(ac-3|ac3)\b/i, 'Dolby Digital (AC-3)'],
  [/\b(ec-3|eac3)\b/i, 'Dolby Digital Plus (E-AC-3)'],
  [/\b(ac-4)\b/i, 'Dolby AC-4'],
  [/\b(dtsc|dtsh|dtsl|dtse|dts)\b/i, 'DTS'],
  [/\b(alac)\b/i, 'Apple Lossless (ALAC)'],
  [/\bmp4a\.40\.\d+\b|\baac\b/i, 'AAC'],
  [/\b(opus)\b/i, 'Opus'],
  [/\b(flac)\b/i, 'FLAC'],
  [/\b(vorbis)\b/i, 'Vorbis'],
];

/** The codec a message names, in words (e.g. "HEVC (H.265)" for `hev1.1.6.L120.90`), or null when it names none. */
export function codecInWords(message: string): string | null {
  for (const [re, name] of CODEC_NAMES) if (re.test(message)) return name;
  return null;
}

const quote = (name: string) => (/^[\w.+-]+$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`);
const converted = (name: string) => quote(name.replace(/\.[^.]+$/, '') + '-h264.mp4');

/** The ffmpeg command that re-encodes `fileName` to H.264 video and AAC audio (what every browser decodes). */
export function convertCommand(fileName: string, keepVideo = false): string {
  return `ffmpeg -i ${quote(fileName)} ${keepVideo ? '-c:v copy' : '-c:v libx264 -pix_fmt yuv420p'} -c:a aac ${converted(fileName)}`;
}

/** Why nothing of `fileName` could be analysed (its error report's code and message), and what to do next. */
export function explainError(code: AnalysisErrorCode, message: string, fileName: string): Explained {
  switch (code) {
    case 'not_media':
      return /empty/i.test(message)
        ? { what: `${fileName} is empty (0 bytes).`, next: 'Pick the file again from where it was saved, or export it again.' }
        : { what: `${fileName} is not a video or audio file this app can read.`, next: `Drop an ${READABLE_FORMATS} file.` };
    case 'unsupported_codec': {
      const codec = codecInWords(message);
      return {
        what: `This browser cannot decode ${codec ?? 'the codec of'} ${codec ? `in ${fileName}` : fileName}, and it has no other track to analyse.`,
        next: `Convert it to H.264 with AAC sound, then drop the new file: ${convertCommand(fileName)}`,
      };
    }
    case 'no_tracks':
      return { what: `${fileName} holds no video or audio track (it is a container with nothing to play).`, next: 'Export the video again from the app that made it, with its picture or sound included.' };
    case 'truncated':
      return { what: `${fileName} ends before its data: it was cut short, probably by an unfinished download or copy.`, next: 'Download or copy the file again, completely; if that is the only copy, ffmpeg can save what is left: ' + `ffmpeg -i ${quote(fileName)} -c copy ${quote(fileName.replace(/\.[^.]+$/, '') + '-rescued.mp4')}` };
    case 'corrupt':
    case 'corrupt_sample_table':
    case 'bad_timescale':
    case 'bad_edit_list':
    case 'bad_codec_config':
      return { what: `${fileName} is damaged: ${damage(code)}`, next: `Re-save it with ffmpeg, which rebuilds the index, then drop the new file: ${convertCommand(fileName)}` };
    case 'timeout':
      return { what: `Analysing ${fileName} took longer than its time limit, so it was stopped.`, next: 'Try a shorter clip (ffmpeg -ss 0 -t 60 -i in.mp4 -c copy short.mp4 keeps the first minute), or close other tabs and try again.' };
    case 'too_large':
      return { what: `${fileName} is larger than this app can read: ${message.replace(/^the /, 'its ')}.`, next: `Scale it down or shorten it first: ffmpeg -i ${quote(fileName)} -vf scale=-2:1080 -c:v libx264 -c:a aac ${converted(fileName)}` };
    case 'internal':
      return { what: `Something failed inside the app while analysing ${fileName} (${message}).`, next: 'Reload the page and try again; if it fails again, please report it with the file.' };
    default:
      return assertNever(code);
  }
}

function damage(code: 'corrupt' | 'corrupt_sample_table' | 'bad_timescale' | 'bad_edit_list' | 'bad_codec_config'): string {
  switch (code) {
    case 'corrupt':
      return 'its media data cannot be decoded.';
    case 'corrupt_sample_table':
      return 'its index of frames points outside the file.';
    case 'bad_timescale':
      return 'its clock (timescale) is invalid, so no frame has a time.';
    case 'bad_edit_list':
      return 'its edit list (which part to play) is invalid.';
    case 'bad_codec_config':
      return 'its codec settings are invalid, so the decoder cannot start.';
    default:
      return assertNever(code);
  }
}

/** What a warning of a report that was analysed in part means, and what to do to get the rest. */
export function explainWarning(code: AnalysisWarningCode, message: string, fileName: string): Explained {
  switch (code) {
    case 'unsupported_video_codec': {
      const codec = codecInWords(message);
      return {
        what: `This browser cannot decode the picture${codec ? ` (${codec})` : ''}, so only the sound was analysed.`,
        next: `To analyse the picture, convert it to H.264: ${convertCommand(fileName)}`,
      };
    }
    case 'unsupported_audio_codec': {
      const codec = codecInWords(message);
      return {
        what: `This browser cannot decode the sound${codec ? ` (${codec})` : ''}, so only the picture was analysed.`,
        next: `To analyse the sound, convert it to AAC: ${convertCommand(fileName, true)}`,
      };
    }
    case 'truncated':
      return { what: 'The file is cut short: the report covers only the part before the break.', next: 'Download or copy the file again, completely, for the whole report.' };
    case 'corrupt':
    case 'corrupt_sample_table':
    case 'bad_timescale':
    case 'bad_edit_list':
    case 'bad_codec_config':
      return { what: `Part of the file is damaged (${damage(code).replace(/\.$/, '')}); the rest was analysed.`, next: `Re-save it with ffmpeg for a complete report: ${convertCommand(fileName)}` };
    case 'too_large':
      return { what: 'Part of the file is too large to read, so it was left out.', next: `Scale it down first: ffmpeg -i ${quote(fileName)} -vf scale=-2:1080 -c:v libx264 -c:a aac ${converted(fileName)}` };
    default:
      return assertNever(code);
  }
}
