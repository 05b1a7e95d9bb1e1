// Repair what older versions (or imports before #17) could leave in a store: records that point at
// no job, interpretations the loop cannot run (prompts over the limit, clips over the cap), colours
// without a depth. Missing learning/discovery records are loop/backfill.ts's; both run from `backfill`.
import type { InterpretationRecord } from '../core/registry/export-records.ts';
import { MAX_CLIP_SECONDS, MAX_PROMPT_CHARS } from '../core/registry/import-invariants.ts';
import { depthOfColor } from '../core/registry/plan-growth.ts';
import type { StaticColorValue } from '../core/registry/entry.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';

/** What a repair changed, per kind. */
export interface RepairSummary {
  /** Learning, discovery and narrative records whose job does not exist: removed. */
  orphans_removed: number;
  /** Interpretations the loop could never run: marked `failed` with the reason (exploit skips them). */
  interpretations_failed: number;
  /** Colour entries that had no depth (FOUNDATION §4): given one. */
  depths_filled: number;
}

/** Why the loop cannot run an interpretation, or null when it can. */
export function unrunnableReason(r: InterpretationRecord): string | null {
  if (r.prompt.length > MAX_PROMPT_CHARS) return `prompt is ${r.prompt.length} characters; the limit is ${MAX_PROMPT_CHARS}`;
  const d = (r.instruction as { duration_s?: unknown } | null)?.duration_s;
  if (d !== null && d !== undefined && !(typeof d === 'number' && d > 0 && d <= MAX_CLIP_SECONDS)) return `asks for a ${String(d)} s clip; the cap is ${MAX_CLIP_SECONDS} s`;
  return null;
}

/** Repair the store in one transaction; a healthy store is left exactly as it was. */
export async function repairStore(db: RegistriesDb, now: string = new Date().toISOString()): Promise<RepairSummary> {
  const summary: RepairSummary = { orphans_removed: 0, interpretations_failed: 0, depths_filled: 0 };
  const tables = [db.jobs, db.learning, db.discovery, db.narrative_intended, db.narrative_observed, db.interpretation, db.entries, db.records];
  await guardQuota(() => db.transaction('rw', tables, async () => {
    const jobs = new Set((await db.jobs.toCollection().primaryKeys()).map(String));
    for (const table of [db.learning, db.discovery]) {
      const orphans = (await table.toCollection().primaryKeys()).map(String).filter((id) => !jobs.has(id));
      if (orphans.length > 0) await table.bulkDelete(orphans);
      summary.orphans_removed += orphans.length;
    }
    for (const table of [db.narrative_intended, db.narrative_observed]) {
      const orphans = (await table.toArray()).filter((r) => r.job_id !== null && !jobs.has(r.job_id)).map((r) => r.id);
      if (orphans.length > 0) await table.bulkDelete(orphans);
      summary.orphans_removed += orphans.length;
    }
    const failed: InterpretationRecord[] = [];
    for (const r of await db.interpretation.toArray()) {
      const reason = r.status === 'failed' ? null : unrunnableReason(r);
      if (reason) failed.push({ ...r, status: 'failed', error: reason, updated_at: now });
    }
    if (failed.length > 0) await db.interpretation.bulkPut(failed);
    summary.interpretations_failed = failed.length;
    for (const registry of ['static.colors', 'dynamic.colors'] as const) {
      const bare = (await db.entries.where('registry').equals(registry).toArray()).filter((e) => e.depth === null);
      for (const e of bare) {
        const depth = depthOfColor((e.value as StaticColorValue).rgb);
        await db.entries.put({ ...e, depth });
        for (const id of e.records ?? []) {
          const r = e.family ? await db.records.get([e.family, id]) : undefined;
          if (r && r.depth === null) await db.records.put({ ...r, depth });
        }
      }
      summary.depths_filled += bare.length;
    }
  }));
  return summary;
}
