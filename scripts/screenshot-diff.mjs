// Whether two screenshots show the same picture: both decoded by ffmpeg to 8-bit RGB and compared pixel by pixel,
// with a tolerance for JPEG noise and anti-aliasing. `npm run screenshots` uses it so docs/screenshots/ only changes
// when a view's picture does (web-test-runner.config.mjs, "screenshot-command").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A channel may differ by this much (of 255) and the pixel still counts as the same (JPEG at quality 70 moves edges by ~10–20). */
export const CHANNEL_TOLERANCE = 24;
/** Share of pixels allowed to differ beyond CHANNEL_TOLERANCE (a caret, a spinner frame, text anti-aliasing). */
export const PIXEL_SHARE_TOLERANCE = 0.005;

/** Decode an image file to { width, height, rgb } with ffmpeg (null when ffmpeg cannot read it). */
export function decodeImage(path) {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const [width, height] = probe.stdout.trim().split(',').map(Number);
  const raw = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 });
  if (raw.status !== 0 || !width || !height) return null;
  return { width, height, rgb: raw.stdout };
}

/** How two image files differ: `same` within the tolerances, with the share of differing pixels (1 when sizes differ or one is missing). */
export function compareImages(a, b) {
  if (!existsSync(a) || !existsSync(b)) return { same: false, share: 1 };
  const x = decodeImage(a);
  const y = decodeImage(b);
  if (!x || !y || x.width !== y.width || x.height !== y.height || x.rgb.length !== y.rgb.length) return { same: false, share: 1 };
  let differ = 0;
  for (let i = 0; i < x.rgb.length; i += 3) {
    if (Math.abs(x.rgb[i] - y.rgb[i]) > CHANNEL_TOLERANCE || Math.abs(x.rgb[i + 1] - y.rgb[i + 1]) > CHANNEL_TOLERANCE || Math.abs(x.rgb[i + 2] - y.rgb[i + 2]) > CHANNEL_TOLERANCE) differ++;
  }
  const share = differ / (x.width * x.height);
  return { same: share <= PIXEL_SHARE_TOLERANCE, share };
}
