// Container and track metadata of an opened Mediabunny Input (FOUNDATION §7 `container`, `video`, `audio`).
import type { Input, InputAudioTrack, InputVideoTrack } from 'mediabunny';
import type { AudioInfo, ContainerInfo, TrackInfo } from '../core/report/analysis.ts';
import { AnalysisFailure } from './media-errors.ts';

/** The ISO-BMFF major brand from the file's first bytes (`ftyp` box), or null for other containers. */
export async function readBrand(blob: Blob): Promise<string | null> {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  if (head.length < 12) return null;
  const type = String.fromCharCode(head[4]!, head[5]!, head[6]!, head[7]!);
  if (type !== 'ftyp') return null;
  return String.fromCharCode(head[8]!, head[9]!, head[10]!, head[11]!).replace(/[\s\0]+$/, '');
}

/** What the file says before any frame is decoded. Video fps and frame count come from the decoded frames. */
export interface OpenedMedia {
  container: ContainerInfo;
  videoTrack: InputVideoTrack | null;
  audioTrack: InputAudioTrack | null;
  video: { codec: string; width: number; height: number; rotation: number; duration_s: number; start_s: number } | null;
  audio: (AudioInfo & { start_s: number }) | null;
}

/** Reads tracks, codecs, sizes and durations; throws AnalysisFailure (no_tracks, unsupported_codec) when it cannot go on. */
export async function readMetadata(input: Input, blob: Blob): Promise<OpenedMedia> {
  const brand = await readBrand(blob);
  const all = await input.getTracks();
  const tracks: TrackInfo[] = [];
  for (const t of all) {
    tracks.push({ id: t.id, type: t.isVideoTrack() ? 'video' : t.isAudioTrack() ? 'audio' : 'other', codec: await t.getCodecParameterString().catch(() => null) });
  }
  const videoTrack = await input.getPrimaryVideoTrack();
  const audioTrack = await input.getPrimaryAudioTrack();
  if (!videoTrack && !audioTrack) throw new AnalysisFailure('no_tracks', `the file holds no video or audio track (${all.length} other tracks)`);
  for (const t of [videoTrack, audioTrack]) {
    if (!t) continue;
    if (t.codec === null || !(await t.canDecode())) {
      const s = (await t.getCodecParameterString().catch(() => null)) ?? t.codec ?? 'unknown';
      throw new AnalysisFailure('unsupported_codec', `this browser cannot decode the ${t.type} codec ${s}`);
    }
  }
  const duration = await input.computeDuration();
  let video: OpenedMedia['video'] = null;
  if (videoTrack) {
    video = {
      codec: (await videoTrack.getCodecParameterString()) ?? String(videoTrack.codec),
      // display size: the picture as the display matrix turns it
      width: videoTrack.displayWidth,
      height: videoTrack.displayHeight,
      rotation: videoTrack.rotation,
      start_s: await videoTrack.getFirstTimestamp(),
      duration_s: await videoTrack.computeDuration(),
    };
  }
  let audio: OpenedMedia['audio'] = null;
  if (audioTrack) {
    const start = await audioTrack.getFirstTimestamp();
    audio = {
      codec: (await audioTrack.getCodecParameterString()) ?? String(audioTrack.codec),
      sample_rate: audioTrack.sampleRate,
      channels: audioTrack.numberOfChannels,
      duration_s: r6((await audioTrack.computeDuration()) - Math.max(0, start)),
      start_s: start,
    };
  }
  return { container: { brand, duration_s: r6(duration), tracks }, videoTrack, audioTrack, video, audio };
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
