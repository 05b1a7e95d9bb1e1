// Container and track metadata of an opened Mediabunny Input (FOUNDATION §7 `container`, `video`, `audio`).
import type { Input, InputAudioTrack, InputVideoTrack } from 'mediabunny';
import type { AnalysisWarning, AudioInfo, ContainerInfo, TrackInfo } from '../core/report/analysis.ts';
import type { ScannedTrack } from './decode-structure.ts';
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
  /** The primary video track when this browser can decode it. */
  videoTrack: InputVideoTrack | null;
  /** The primary audio track when this browser can decode it. */
  audioTrack: InputAudioTrack | null;
  video: {
    codec: string;
    /** Displayed size: pixel aspect applied to the width (rounded), then the rotation. */
    width: number;
    height: number;
    rotation: number;
    pixel_aspect: [number, number];
    duration_s: number;
    start_s: number;
    decodable: boolean;
    /** Frames the track claims (its sample count). */
    packets: number;
  } | null;
  audio: (AudioInfo & { start_s: number }) | null;
  /** Tracks that cannot be decoded here (FOUNDATION §7: named, and the rest analysed). */
  warnings: AnalysisWarning[];
}

/**
 * Reads tracks, codecs, sizes and durations. `hidden` are the tracks the structure check found damaged (hidden from
 * the demuxer): they are still listed. Throws AnalysisFailure (no_tracks, unsupported_codec) when nothing can be
 * decoded.
 */
export async function readMetadata(input: Input, blob: Blob, hidden: readonly ScannedTrack[] = []): Promise<OpenedMedia> {
  const brand = await readBrand(blob);
  const all = await input.getTracks();
  const tracks: TrackInfo[] = [];
  for (const t of all) {
    tracks.push({ id: t.id, type: t.isVideoTrack() ? 'video' : t.isAudioTrack() ? 'audio' : 'other', codec: await t.getCodecParameterString().catch(() => null) });
  }
  for (const h of hidden) tracks.push({ id: h.id, type: h.type, codec: h.entry });
  tracks.sort((a, b) => a.id - b.id);
  const primaryVideo = await input.getPrimaryVideoTrack();
  const primaryAudio = await input.getPrimaryAudioTrack();
  if (!primaryVideo && !primaryAudio) {
    if (hidden.length > 0) throw new AnalysisFailure(hidden[0]!.problem?.code ?? 'corrupt', hidden.map((h) => h.problem?.message ?? `track ${h.id} is damaged`).join('; '));
    throw new AnalysisFailure('no_tracks', `the file holds no video or audio track (${all.length} other tracks)`);
  }
  const warnings: AnalysisWarning[] = [];
  const decodable = async (t: InputVideoTrack | InputAudioTrack | null): Promise<boolean> => {
    if (!t) return false;
    if (t.codec !== null && (await t.canDecode())) return true;
    const s = (await t.getCodecParameterString().catch(() => null)) ?? t.codec ?? 'unknown';
    warnings.push({
      code: t.type === 'video' ? 'unsupported_video_codec' : 'unsupported_audio_codec',
      message: `track ${t.id}: this browser cannot decode the ${t.type} codec ${s}; it is listed but not analysed`,
    });
    return false;
  };
  const videoOk = await decodable(primaryVideo);
  const audioOk = await decodable(primaryAudio);
  if (!videoOk && !audioOk) throw new AnalysisFailure('unsupported_codec', warnings.map((w) => w.message).join('; '));
  const duration = await input.computeDuration();
  let video: OpenedMedia['video'] = null;
  if (primaryVideo) {
    const par = await primaryVideo.getPixelAspectRatio();
    const g = gcd(par.num, par.den);
    const pixelAspect: [number, number] = par.num > 0 && par.den > 0 ? [par.num / g, par.den / g] : [1, 1];
    // players widen (or narrow) the picture and keep its height: the displayed width is rounded to a pixel
    const w = Math.max(1, Math.round(((await primaryVideo.getCodedWidth()) * pixelAspect[0]) / pixelAspect[1]));
    const h = await primaryVideo.getCodedHeight();
    const rotation = await primaryVideo.getRotation();
    const quarter = rotation === 90 || rotation === 270;
    const stats = await primaryVideo.computePacketStats(Infinity);
    video = {
      codec: (await primaryVideo.getCodecParameterString()) ?? String(primaryVideo.codec),
      width: quarter ? h : w,
      height: quarter ? w : h,
      rotation,
      pixel_aspect: pixelAspect,
      start_s: await primaryVideo.getFirstTimestamp(),
      duration_s: await primaryVideo.computeDuration(),
      decodable: videoOk,
      packets: stats.packetCount,
    };
  }
  const damagedVideo = primaryVideo ? undefined : hidden.find((h) => h.type === 'video');
  if (damagedVideo) {
    // a video track hidden from the demuxer (damaged) keeps what its headers say (FOUNDATION §7: metadata, decodable false)
    video = {
      codec: damagedVideo.entry ?? 'unknown',
      width: damagedVideo.width ?? 0,
      height: damagedVideo.height ?? 0,
      rotation: 0,
      pixel_aspect: [1, 1],
      start_s: 0,
      duration_s: damagedVideo.duration_s ?? 0,
      decodable: false,
      packets: damagedVideo.samples ?? 0,
    };
  }
  let audio: OpenedMedia['audio'] = null;
  if (primaryAudio) {
    const start = await primaryAudio.getFirstTimestamp();
    audio = {
      codec: (await primaryAudio.getCodecParameterString()) ?? String(primaryAudio.codec),
      sample_rate: primaryAudio.sampleRate,
      channels: primaryAudio.numberOfChannels,
      duration_s: r6((await primaryAudio.computeDuration()) - Math.max(0, start)),
      decodable: audioOk,
      start_s: start,
    };
  }
  return {
    container: { brand, duration_s: r6(duration), tracks },
    videoTrack: videoOk ? primaryVideo : null,
    audioTrack: audioOk ? primaryAudio : null,
    video,
    audio,
    warnings,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.max(1, a) : gcd(b, a % b);
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
