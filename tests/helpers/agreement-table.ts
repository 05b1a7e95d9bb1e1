// Agreement per field over many clips (the round trip's table): each clip scores some fields 0–1 (null where
// the field was not compared), and the table gives per field how many clips scored it, their mean and minimum.

/** One clip's agreements by field name (0–1, or null when the field was not compared for that clip). */
export type FieldScores = Readonly<Record<string, number | null>>;

/** One row of the table: a field, the clips that scored it, and their mean and lowest agreement (0–1). */
export interface FieldAgreement {
  field: string;
  clips: number;
  mean: number;
  min: number;
  /** Label of the clip with the lowest agreement (the first one, on a tie). */
  worst: string;
}

/** Per-field rows in first-seen field order; fields no clip scored are left out. */
export function agreementTable(scored: readonly { label: string; scores: FieldScores }[]): FieldAgreement[] {
  const rows = new Map<string, { n: number; sum: number; min: number; worst: string }>();
  for (const { label, scores } of scored) {
    for (const [field, v] of Object.entries(scores)) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < 0 || v > 1) throw new RangeError(`agreement of ${field} for ${label} is ${v}, outside 0–1`);
      const r = rows.get(field) ?? { n: 0, sum: 0, min: Infinity, worst: label };
      if (v < r.min) {
        r.min = v;
        r.worst = label;
      }
      r.n++;
      r.sum += v;
      rows.set(field, r);
    }
  }
  return [...rows.entries()].map(([field, r]) => ({ field, clips: r.n, mean: r.sum / r.n, min: r.min, worst: r.worst }));
}

/** The table as fixed-width text (agreements with 3 decimals), for a test log or a document. */
export function formatAgreementTable(rows: readonly FieldAgreement[]): string {
  const w = Math.max(5, ...rows.map((r) => r.field.length));
  const head = `${'field'.padEnd(w)}  clips   mean    min  worst clip`;
  const lines = rows.map((r) => `${r.field.padEnd(w)}  ${String(r.clips).padStart(5)}  ${r.mean.toFixed(3)}  ${r.min.toFixed(3)}  ${r.worst}`);
  return [head, ...lines].join('\n');
}
