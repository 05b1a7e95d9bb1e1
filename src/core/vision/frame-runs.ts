// Runs of consecutive frames that pass a test: the flat stretches a fade meets (transitions.ts) and the frames a cut
// may start in (shots.ts) are both found by one scan.

/** A run of consecutive frames, first and last inclusive. */
export interface FrameRun {
  start: number;
  end: number;
}

/** The maximal runs of consecutive frames 0…n−1 for which `test` holds, in order. */
export function frameRuns(n: number, test: (i: number) => boolean): FrameRun[] {
  const runs: FrameRun[] = [];
  for (let i = 0; i < n; i++) {
    if (!test(i)) continue;
    let end = i;
    while (end + 1 < n && test(end + 1)) end++;
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}
