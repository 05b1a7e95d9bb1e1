// Intended vs observed side by side, one row per learning field, written for a person. The agreement is the
// learning record's own (src/core/registry/learning.ts, the rule the loop records): this module only words it.
import { LEARNING_FIELDS, type Learning, type LearningFieldName } from '../registry/learning.ts';

/** One field of the comparison: what was meant, what was measured (as text) and their agreement 0–1 (null: not asked). */
export interface CompareRow {
  field: LearningFieldName;
  intended: string;
  observed: string;
  agreement: number | null;
}

const NOTHING = '—';

function words(v: unknown): string {
  if (v === null || v === undefined) return NOTHING;
  if (typeof v === 'string') return v.replace(/_/g, ' ');
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  if (Array.isArray(v)) return v.length > 0 ? v.map(words).join(', ') : NOTHING;
  return JSON.stringify(v);
}

/** A sound breakdown as its non-zero shares, largest first: "tone 60 %, rumble 40 %". */
function shares(v: unknown): string {
  if (v === null || typeof v !== 'object') return NOTHING;
  const parts = Object.entries(v as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 0.5)
    .sort((a, b) => b[1] - a[1]);
  return parts.length > 0 ? parts.map(([k, n]) => `${k} ${Math.round(n)} %`).join(', ') : NOTHING;
}

/** A tempo as its label and bpm: "slow (72 bpm)". */
function tempo(v: unknown): string {
  if (v === null || typeof v !== 'object') return NOTHING;
  const { bpm, label } = v as { bpm?: unknown; label?: unknown };
  const b = typeof bpm === 'number' && bpm > 0 ? `${Math.round(bpm)} bpm` : null;
  const l = typeof label === 'string' ? label : null;
  if (l && b) return `${l} (${b})`;
  return l ?? b ?? NOTHING;
}

/** The learning record as rows in LEARNING_FIELDS order. */
export function compareRows(learning: Learning): CompareRow[] {
  return LEARNING_FIELDS.map((field) => {
    const f = learning.fields[field];
    const fmt = field === 'sound' ? shares : field === 'tempo' ? tempo : words;
    return { field, intended: fmt(f.intended), observed: fmt(f.observed), agreement: f.agreement };
  });
}
