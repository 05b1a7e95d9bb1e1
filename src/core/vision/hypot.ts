// Math.hypot without its cost: V8's builtin allocates an array of the arguments' magnitudes on every call (the
// camera fit calls it for every tracked point of 66 candidate models, a frame's largest source of garbage). These
// compute what V8's builtin computes (the magnitudes divided by the largest, their squares Kahan-summed, the root
// scaled back), so they return the same doubles: tested against Math.hypot in Node and in Chromium.
// Every return is a double computed from the arguments (NaN as ax + ay, zero as max), never the constant NaN or 0: a
// phi of those constants and a computed double made V8 box the result of the inlined call in a heap number, ~16 bytes
// of garbage per call in the camera fit's and the radial gradient's loops (issue 18).

/** Math.hypot(x, y), the same double, without allocating. */
export function hypot2(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  if (ax !== ax || ay !== ay) return ax + ay;
  const max = ax > ay ? ax : ay;
  if (max === 0) return max;
  const nx = ax / max;
  const ny = ay / max;
  // Kahan summation as V8 does it; with two terms the compensation after the first is 0
  let sum = nx * nx;
  const summand = ny * ny;
  sum = sum + summand;
  return Math.sqrt(sum) * max;
}

/**
 * hypot2 again, for the radial gradient's loop alone (fitRadial in gradient.ts): V8 inlines a function with the type
 * feedback of all its callers, and the shared hypot2, fed Smis and doubles by the camera fit, came into that loop as
 * generic code whose every double was a heap number (~0.4 MB of garbage a frame; issue 18). Same doubles as hypot2.
 */
export function hypot2Radial(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  if (ax !== ax || ay !== ay) return ax + ay;
  const max = ax > ay ? ax : ay;
  if (max === 0) return max;
  const nx = ax / max;
  const ny = ay / max;
  let sum = nx * nx;
  const summand = ny * ny;
  sum = sum + summand;
  return Math.sqrt(sum) * max;
}

/** Math.hypot(x, y, z), the same double, without allocating. */
export function hypot3(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  if (ax === Infinity || ay === Infinity || az === Infinity) return Infinity;
  if (ax !== ax || ay !== ay || az !== az) return ax + ay + az;
  let max = ax > ay ? ax : ay;
  if (az > max) max = az;
  if (max === 0) return max;
  // Kahan summation as V8 does it (the compensation after the first term is 0)
  const nx = ax / max;
  const ny = ay / max;
  const nz = az / max;
  const first = nx * nx;
  const second = ny * ny;
  const sum = first + second;
  const compensation = sum - first - second;
  const third = nz * nz - compensation;
  return Math.sqrt(sum + third) * max;
}
