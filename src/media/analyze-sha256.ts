// The file's identity for the report: name, bytes and SHA-256, read from a Blob without holding big files in memory.

/** Above this size the hash is computed incrementally over slices (WebCrypto has no streaming digest). */
export const WHOLE_DIGEST_MAX_BYTES = 128 * 1024 * 1024;
const SLICE_BYTES = 8 * 1024 * 1024;

/** Lower-case hex SHA-256 of the blob: crypto.subtle.digest for ordinary files, an incremental hash for big ones. */
export async function sha256Hex(blob: Blob, wholeMax = WHOLE_DIGEST_MAX_BYTES): Promise<string> {
  if (blob.size <= wholeMax) return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())));
  const h = createSha256();
  for (let off = 0; off < blob.size; off += SLICE_BYTES) h.update(new Uint8Array(await blob.slice(off, off + SLICE_BYTES).arrayBuffer()));
  return hex(h.digest());
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** An incremental SHA-256 (FIPS 180-4). */
export function createSha256(): { update(data: Uint8Array): void; digest(): Uint8Array } {
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const W = new Uint32Array(64);
  const block = new Uint8Array(64);
  let fill = 0;
  let total = 0;
  const compress = (b: Uint8Array, o: number) => {
    for (let t = 0; t < 16; t++) W[t] = (b[o + 4 * t]! << 24) | (b[o + 4 * t + 1]! << 16) | (b[o + 4 * t + 2]! << 8) | b[o + 4 * t + 3]!;
    for (let t = 16; t < 64; t++) {
      const x = W[t - 15]!, y = W[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
    }
    let a = H[0]!, bb = H[1]!, c = H[2]!, d = H[3]!, e = H[4]!, f = H[5]!, g = H[6]!, h = H[7]!;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
    }
    H[0] = H[0]! + a; H[1] = H[1]! + bb; H[2] = H[2]! + c; H[3] = H[3]! + d;
    H[4] = H[4]! + e; H[5] = H[5]! + f; H[6] = H[6]! + g; H[7] = H[7]! + h;
  };
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
          compress(block, 0);
          fill = 0;
        }
      }
      for (; i + 64 <= data.length; i += 64) compress(data, i);
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
      for (let o = 0; o < tail.length; o += 64) compress(tail, o);
      const out = new Uint8Array(32);
      const ov = new DataView(out.buffer);
      for (let k = 0; k < 8; k++) ov.setUint32(4 * k, H[k]!);
      return out;
    },
  };
}
