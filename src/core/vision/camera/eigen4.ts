// A small symmetric eigensolver for the dense fit's 4×4 normal matrix (dense-fit.ts).

/** Eigenvalues and column eigenvectors (row-major 4×4) of a symmetric 4×4 matrix, by cyclic Jacobi rotations. */
export function symmetricEigen4(M: Float64Array): { values: number[]; vectors: Float64Array } {
  const A = Float64Array.from(M);
  const V = new Float64Array(16);
  for (let i = 0; i < 4; i++) V[i * 4 + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) off += A[i * 4 + j]! ** 2;
    if (off < 1e-22 * (A[0]! ** 2 + A[5]! ** 2 + A[10]! ** 2 + A[15]! ** 2 + 1e-300)) break;
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 4; j++) {
        const aij = A[i * 4 + j]!;
        if (aij === 0) continue;
        const theta = (A[j * 4 + j]! - A[i * 4 + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < 4; k++) {
          const aki = A[k * 4 + i]!;
          const akj = A[k * 4 + j]!;
          A[k * 4 + i] = c * aki - sn * akj;
          A[k * 4 + j] = sn * aki + c * akj;
        }
        for (let k = 0; k < 4; k++) {
          const aik = A[i * 4 + k]!;
          const ajk = A[j * 4 + k]!;
          A[i * 4 + k] = c * aik - sn * ajk;
          A[j * 4 + k] = sn * aik + c * ajk;
        }
        for (let k = 0; k < 4; k++) {
          const vki = V[k * 4 + i]!;
          const vkj = V[k * 4 + j]!;
          V[k * 4 + i] = c * vki - sn * vkj;
          V[k * 4 + j] = sn * vki + c * vkj;
        }
      }
    }
  }
  return { values: [A[0]!, A[5]!, A[10]!, A[15]!], vectors: V };
}

