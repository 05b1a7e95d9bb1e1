// Writes public/icons/icon-192.png and icon-512.png (and the maskable variant) from the same drawing as
// icon.svg: no image tools needed, a tiny PNG encoder over node:zlib. Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'public', 'icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** RGBA pixels (Uint8Array, w·h·4) → PNG bytes. */
function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// The drawing, in a 512 unit square (the same as icon.svg): dark tile, three bands of primitives, a play wedge.
const BANDS = [
  [[0, 128, 128], [0, 255, 255], [0, 0, 255]],
  [[255, 165, 0], [255, 0, 0], [255, 0, 255]],
  [[255, 255, 0], [0, 255, 0], [128, 0, 128]],
];
function color(x, y, maskable) {
  const inset = maskable ? 0 : 24;
  const r = maskable ? 0 : 96;
  const bg = [29, 35, 48, 255];
  // Rounded tile.
  const cx = Math.min(Math.max(x, inset + r), 512 - inset - r);
  const cy = Math.min(Math.max(y, inset + r), 512 - inset - r);
  if (x < inset || y < inset || x > 512 - inset || y > 512 - inset || (x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // Play wedge (triangle 208,176 – 208,336 – 340,256) over the bands.
  if (x >= 208 && Math.abs(y - 256) <= (340 - x) * (80 / 132)) return [255, 255, 255, 255];
  const band = Math.floor((y - 128) / 88);
  if (band >= 0 && band < 3 && x >= 112 && x <= 400 && (y - 128) % 88 < 72) {
    const t = (x - 112) / 288;
    const row = BANDS[band];
    const i = Math.min(1, Math.floor(t * 2));
    const f = t * 2 - i;
    const a = row[i];
    const b = row[i + 1];
    return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)).concat(255);
  }
  return bg;
}
function render(size, maskable) {
  const px = new Uint8Array(size * size * 4);
  const ss = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = color(((x + (sx + 0.5) / ss) * 512) / size, ((y + (sy + 0.5) / ss) * 512) / size, maskable);
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (y * size + x) * 4;
      const a = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) px[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      px[o + 3] = Math.round(a);
    }
  }
  return png(size, size, px);
}

for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), render(size, false));
writeFileSync(join(out, 'icon-maskable-512.png'), render(512, true));

const bands = BANDS.map((row, i) => `<linearGradient id="b${i}"><stop offset="0" stop-color="rgb(${row[0]})"/><stop offset=".5" stop-color="rgb(${row[1]})"/><stop offset="1" stop-color="rgb(${row[2]})"/></linearGradient>`).join('');
writeFileSync(join(out, 'icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><defs>${bands}</defs>
<rect x="24" y="24" width="464" height="464" rx="96" fill="#1d2330"/>
${BANDS.map((_, i) => `<rect x="112" y="${128 + i * 88}" width="288" height="72" fill="url(#b${i})"/>`).join('\n')}
<path d="M208 176 L340 256 L208 336 Z" fill="#fff"/>
</svg>
`);
console.log(`icons written to ${out}`);
