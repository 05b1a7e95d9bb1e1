// Every error and warning code of the analysis report has a plain sentence and a next step (src/core/report/
// explain-failure.ts); codec strings as the extractor writes them are named as people know them.
import { describe, expect, it } from 'vitest';
import { ANALYSIS_ERROR_CODES, ANALYSIS_WARNING_CODES } from '../../src/core/report/analysis.ts';
import { codecInWords, convertCommand, explainError, explainWarning } from '../../src/core/report/explain-failure.ts';

describe('explained failures', () => {
  it('every error code gives a sentence naming the file and a different next step', () => {
    for (const code of ANALYSIS_ERROR_CODES) {
      const e = explainError(code, 'x', 'holiday clip.mp4');
      expect(e.what, code).toContain('holiday clip.mp4');
      expect(e.what, code).not.toContain(code);
      expect(e.next.length, code).toBeGreaterThan(20);
      expect(e.next, code).not.toBe(e.what);
    }
  });

  it('HEVC, as the extractor names it, is explained with an ffmpeg command to H.264', () => {
    // the message decode-metadata.ts writes for a track this browser cannot decode
    const message = 'track 1: this browser cannot decode the video codec hev1.1.6.L120.90; it is listed but not analysed';
    const e = explainError('unsupported_codec', message, 'phone.mp4');
    expect(e.what).toBe('This browser cannot decode HEVC (H.265) in phone.mp4, and it has no other track to analyse.');
    expect(e.next).toContain('ffmpeg -i phone.mp4 -c:v libx264 -pix_fmt yuv420p -c:a aac phone-h264.mp4');
    const w = explainWarning('unsupported_video_codec', message.replace('hev1', 'hvc1'), 'phone.mp4');
    expect(w.what).toContain('(HEVC (H.265)), so only the sound was analysed');
  });

  it('names common codec strings', () => {
    expect(codecInWords('av01.0.04M.08')).toBe('AV1');
    expect(codecInWords('vp09.00.10.08')).toBe('VP9');
    expect(codecInWords('avc1.64001f')).toBe('H.264');
    expect(codecInWords('ec-3')).toBe('Dolby Digital Plus (E-AC-3)');
    expect(codecInWords('mp4a.40.2')).toBe('AAC');
    expect(codecInWords('apch')).toBe('Apple ProRes');
    expect(codecInWords('something else')).toBeNull();
  });

  it('a text file is not media: the next step lists what the app reads', () => {
    const e = explainError('not_media', 'not a media file Mediabunny can read (unsupported or unrecognizable format)', 'notes.txt');
    expect(e.what).toBe('notes.txt is not a video or audio file this app can read.');
    expect(e.next).toMatch(/MP4, MOV, M4V, WebM or MKV video/);
    expect(explainError('not_media', 'the file is empty', 'empty.mp4').what).toContain('empty');
  });

  it('quotes file names with spaces in commands', () => {
    expect(convertCommand('my clip.mov')).toBe('ffmpeg -i "my clip.mov" -c:v libx264 -pix_fmt yuv420p -c:a aac "my clip-h264.mp4"');
  });

  it('every warning code gives a sentence and a next step', () => {
    for (const code of ANALYSIS_WARNING_CODES) {
      const w = explainWarning(code, 'x', 'a.mp4');
      expect(w.what.length, code).toBeGreaterThan(20);
      expect(w.next.length, code).toBeGreaterThan(20);
    }
  });
});
