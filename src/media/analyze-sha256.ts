// The file's identity for the report: name, bytes and SHA-256, read from a Blob without holding big files in memory.

/**
 * Up to this size the hash is WebCrypto's digest of the whole file (bounded, and the fastest); above it, the
 * incremental hash over slices (WebCrypto has no streaming digest), so a long file is never copied whole (issue 18).
 */
export const WHOLE_DIGEST_MAX_BYTES = 16 * 1024 * 1024;
const SLICE_BYTES = 4 * 1024 * 1024;

/** Lower-case hex SHA-256 of the blob: crypto.subtle.digest for small files, an incremental hash over slices for big ones. */
export async function sha256Hex(blob: Blob, wholeMax = WHOLE_DIGEST_MAX_BYTES): Promise<string> {
  if (blob.size <= wholeMax) return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())));
  const h = createSha256();
  for (let off = 0; off < blob.size; off += SLICE_BYTES) h.update(new Uint8Array(await blob.slice(off, off + SLICE_BYTES).arrayBuffer()));
  return hex(h.digest());
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// Int32Array throughout: every value stays a small integer to V8 (a Uint32Array read above 2^31 is a heap double,
// which made this ~10× slower), and additions wrap with `| 0` as the standard's mod 2^32 does.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Compresses the 64-byte blocks of p[pos, pos + len) into the state H (FIPS 180-4 §6.2.2); returns the position after them. */
function compressBlocks(H: Int32Array, W: Int32Array, p: Uint8Array, pos: number, len: number): number {
  while (len >= 64) {
    let a = H[0]! | 0, b = H[1]! | 0, c = H[2]! | 0, d = H[3]! | 0, e = H[4]! | 0, f = H[5]! | 0, g = H[6]! | 0, h = H[7]! | 0;
    for (let t = 0; t < 16; t++) {
      const j = pos + 4 * t;
      W[t] = (p[j]! << 24) | (p[j + 1]! << 16) | (p[j + 2]! << 8) | p[j + 3]!;
    }
    for (let t = 16; t < 64; t++) {
      const x = W[t - 15]! | 0, y = W[t - 2]! | 0;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[t] = (((s1 + W[t - 7]!) | 0) + ((s0 + W[t - 16]!) | 0)) | 0;
    }
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (((S1 + ((e & f) ^ (~e & g))) | 0) + ((h + ((K[t]! + W[t]!) | 0)) | 0)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0]! + a) | 0; H[1] = (H[1]! + b) | 0; H[2] = (H[2]! + c) | 0; H[3] = (H[3]! + d) | 0;
    H[4] = (H[4]! + e) | 0; H[5] = (H[5]! + f) | 0; H[6] = (H[6]! + g) | 0; H[7] = (H[7]! + h) | 0;
    pos += 64;
    len -= 64;
  }
  return pos;
}

/** An incremental SHA-256 (FIPS 180-4): update with the bytes in any slicing, then digest once. */
export function createSha256(): { update(data: Uint8Array): void; digest(): Uint8Array } {
  const H = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const W = new Int32Array(64);
  const block = new Uint8Array(64);
  let fill = 0;
  let total = 0;
  return {
    update(data) {
      total += data.length;
      let i = 0;
      if (fill > 0) {
        const take = Math.min(64 - fill, data.length);
        block.set(data.subarray(0, take), fill);
        fill += take;
        i = take;
        if (fill === 64) {
          compressBlocks(H, W, block, 0, 64);
          fill = 0;
        }
      }
      i = compressBlocks(H, W, data, i, (data.length - i) & ~63);
      if (i < data.length) {
        block.set(data.subarray(i), 0);
        fill = data.length - i;
      }
    },
    digest() {
      const bits = total * 8;
      const tail = new Uint8Array(fill + 9 <= 64 ? 64 : 128);
      tail.set(block.subarray(0, fill));
      tail[fill] = 0x80;
      const v = new DataView(tail.buffer);
      v.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
      v.setUint32(tail.length - 4, bits >>> 0);
      compressBlocks(H, W, tail, 0, tail.length);
      const out = new Uint8Array(32);
      const ov = new DataView(out.buffer);
      for (let k = 0; k < 8; k++) ov.setUint32(4 * k, H[k]! >>> 0);
      return out;
    },
  };
}
