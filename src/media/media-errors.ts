// The named failures of extraction and how any thrown error maps to an mp4-analysis/1 error code.
import type { AnalysisErrorCode } from '../core/report/analysis.ts';

/** A file that cannot be analysed, with the report's error code. */
export class AnalysisFailure extends Error {
  override name = 'AnalysisFailure';
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Time limit per file in seconds: a floor for opening and small files, plus a multiple of the media duration. */
export function timeLimitSeconds(durationS: number | null): number {
  return TIME_LIMIT_FLOOR_S + TIME_LIMIT_PER_MEDIA_S * Math.max(0, durationS ?? 0);
}
/** Seconds every file gets (opening, hashing, metadata, a short clip on a loaded machine). */
export const TIME_LIMIT_FLOOR_S = 60;
/** Seconds of wall time allowed per second of media (full analysis runs at about real time at 720p). */
export const TIME_LIMIT_PER_MEDIA_S = 20;

/**
 * The error code of anything thrown while opening or decoding (checked by `name` and message, since errors cross
 * the worker boundary and come from Mediabunny, WebCodecs and the browser).
 */
export function classifyFailure(err: unknown): { code: AnalysisErrorCode; message: string } {
  if (err instanceof AnalysisFailure || (isError(err) && err.name === 'AnalysisFailure' && 'code' in err)) {
    return { code: (err as AnalysisFailure).code, message: (err as AnalysisFailure).message };
  }
  const name = isError(err) ? err.name : '';
  const message = isError(err) ? err.message : String(err);
  if (name === 'UnsupportedInputFormatError' || /unsupported or unrecognizable format/i.test(message)) {
    return { code: 'not_media', message: `not a media file Mediabunny can read (${message})` };
  }
  if (/out of bounds|beyond the end|end of (the )?file|unexpected end|past the end|offset .* exceeds|RangeError/i.test(`${name} ${message}`)) {
    return { code: 'truncated', message: `the file ends before its data (${message})` };
  }
  if (name === 'NotSupportedError' || /not supported|unsupported codec|cannot decode/i.test(message)) {
    return { code: 'unsupported_codec', message };
  }
  if (/assertion failed|incorrect .* version|invalid .* version/i.test(message)) {
    // Mediabunny's own invariants, broken by what the file says (a table the structure check let through)
    return { code: 'corrupt', message: `the file's index is inconsistent: the demuxer stopped on it (${message})` };
  }
  if (name === 'EncodingError' || name === 'OperationError' || /decod|invalid|corrupt|malformed|bad|parse/i.test(message)) {
    return { code: 'corrupt', message: `the media data is damaged (${name}: ${message})` };
  }
  return { code: 'internal', message: `${name || 'Error'}: ${message}` };
}

function isError(x: unknown): x is Error {
  return typeof x === 'object' && x !== null && 'message' in x && 'name' in x;
}
