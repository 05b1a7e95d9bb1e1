// What past jobs tell the loop: which prompts discovered most (for exploiting them).
import type { RegistriesDb } from '../storage/db.ts';

/** Per prompt, the number of new entries its jobs discovered. */
export async function discoveriesByPrompt(db: RegistriesDb): Promise<Map<string, number>> {
  return db.transaction('r', db.jobs, db.discovery, async () => {
    const prompts = new Map<string, string>();
    await db.jobs.each((j) => {
      if (typeof j.prompt === 'string') prompts.set(j.id, j.prompt);
    });
    const out = new Map<string, number>();
    await db.discovery.each((d) => {
      const p = prompts.get(d.job_id);
      if (p !== undefined) out.set(p, (out.get(p) ?? 0) + d.new.length);
    });
    return out;
  });
}
