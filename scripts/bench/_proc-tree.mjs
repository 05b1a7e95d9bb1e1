// The processes under this one (the Chromium a bench drives), read from /proc: one walk of the parent links for
// loop.mjs's CPU per job and loop-timeline.mjs's per-thread CPU.
import { readFileSync, readdirSync } from 'node:fs';

/** Every process below this one: pid → { ppid, cpu seconds (user + system) }; null where there is no /proc (off Linux). */
export function descendantProcesses() {
  let dirs;
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const procs = new Map();
  for (const d of dirs) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 4 (ppid), 14 and 15 (utime, stime, in clock ticks of 1/100 s on Linux).
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) {
      if (mine.has(pid) || !mine.has(p.ppid)) continue;
      mine.add(pid);
      grew = true;
    }
  }
  mine.delete(process.pid);
  return new Map([...mine].map((pid) => [pid, procs.get(pid)]));
}
