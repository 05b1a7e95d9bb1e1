// How varied the loop's jobs are (issue 16.3), from what each job made (its spec) and found (its discovery
// record): distinct discoveries per job, novelty, the entropy of the colours, moves, gradients, lightings and sounds
// made, the distinct values made so far, and the share of the knowledge pool each job drew from. Pure.

/** What the report reads of a job's spec (spec/1 fields; older specs without `redraw` count their palette only). */
export interface VarietySpec {
  palette: readonly { rgb: readonly number[] }[];
  redraw?: { pool: readonly { rgb: readonly number[] }[] } | null;
  camera: { move: string };
  gradient: { type: string };
  lighting: { canonical: string };
  sound: { pool: readonly { name: string; tone_hz: number | null }[] };
}

/** One job as the report reads it, in job order: its spec and its discovery record's entry keys (`registry/name`). */
export interface VarietyJob {
  prompt: string;
  spec: VarietySpec | null;
  discovery: { new: readonly string[]; seen_again: readonly string[] } | null;
}

/** The kinds of value the report counts. */
export const VARIETY_KINDS = ['colors', 'moves', 'gradients', 'lightings', 'sounds'] as const;
/** One of VARIETY_KINDS. */
export type VarietyKind = (typeof VARIETY_KINDS)[number];

/** One job's point of the report. */
export interface VarietyPoint {
  index: number;
  /** Entries this job discovered (new to the registries). */
  new_entries: number;
  /** Share 0–1 of the job's observations that were new (new / (new + seen again)); null with no observation. */
  novelty: number | null;
  /** Mean novelty of this job and the NOVELTY_WINDOW − 1 before it. */
  novelty_running: number | null;
  /** Share 0–1 of the colour and sound pool (entries known when the job started) the job's spec drew on. */
  pool_share: { colors: number | null; sounds: number | null };
  /** Distinct values made so far (this job included), per kind, and their sum. */
  distinct: Record<VarietyKind, number> & { total: number };
}

/** The variety of a run of jobs. */
export interface VarietyReport {
  jobs: number;
  points: VarietyPoint[];
  /** Shannon entropy (bits) of the values made, per kind, over all jobs. */
  entropy: Record<VarietyKind, number>;
  /** Distinct values made, per kind, and their sum. */
  distinct: Record<VarietyKind, number> & { total: number };
  /** Mean new entries per job. */
  new_per_job: number;
  /** Novelty: mean over jobs, and the lowest running mean (NOVELTY_WINDOW jobs) once the window is full. */
  novelty: { mean: number | null; min_running: number | null; floor: number; above_floor: boolean | null };
  /** Mean share of the pool drawn per job. */
  pool_share: { colors: number | null; sounds: number | null };
  /** Longest run of one prompt in consecutive jobs. */
  longest_prompt_run: number;
}

/** Jobs in the running novelty mean. */
export const NOVELTY_WINDOW = 10;
/**
 * The novelty floor: over any NOVELTY_WINDOW jobs, at least this share of what the jobs observe is new (one in
 * seven). A job of `all` observes ≈ 20–60 values; measured over 100 jobs (docs/loop-and-app.md) the lowest 10-job
 * mean was 0.27 before issue 16 and 0.17 once jobs made more values each, so 0.15 flags a loop that has stopped
 * finding, not one that is busy seeing again what it already knows.
 */
export const NOVELTY_FLOOR = 0.15;

/** What a spec made, per kind, as value keys (colours by RGB, sounds by name and pitch). */
export function madeValues(spec: VarietySpec): Record<VarietyKind, string[]> {
  const colors = new Set<string>();
  for (const c of spec.palette) colors.add(c.rgb.join(','));
  for (const c of spec.redraw?.pool ?? []) colors.add(c.rgb.join(','));
  return {
    colors: [...colors],
    moves: [spec.camera.move],
    gradients: [spec.gradient.type],
    lightings: [spec.lighting.canonical],
    sounds: [...new Set(spec.sound.pool.map((s) => (s.tone_hz === null ? s.name : `${s.name}@${s.tone_hz}`)))],
  };
}

/** Shannon entropy in bits of a histogram's counts. */
export function entropyBits(counts: Iterable<number>): number {
  const xs = [...counts].filter((c) => c > 0);
  const n = xs.reduce((a, b) => a + b, 0);
  if (n === 0) return 0;
  return Math.max(0, -xs.reduce((a, c) => a + (c / n) * Math.log2(c / n), 0));
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const isColorKey = (k: string) => k.startsWith('static.colors/') || k.startsWith('dynamic.colors/');
const isSoundKey = (k: string) => k.startsWith('static.sound/');

/**
 * The report over jobs in order. `poolAtStart`: colour and sound entries known before the first job (the pool
 * then grows by each job's new colour and sound entries), for the share of the pool a job drew from.
 */
export function varietyReport(jobs: readonly VarietyJob[], poolAtStart: { colors: number; sounds: number }): VarietyReport {
  const seen: Record<VarietyKind, Map<string, number>> = { colors: new Map(), moves: new Map(), gradients: new Map(), lightings: new Map(), sounds: new Map() };
  const pool = { ...poolAtStart };
  const novelties: (number | null)[] = [];
  const points: VarietyPoint[] = [];
  let longest = 0;
  let run = 0;
  jobs.forEach((job, index) => {
    run = index > 0 && jobs[index - 1]!.prompt === job.prompt ? run + 1 : 1;
    longest = Math.max(longest, run);
    const made = job.spec ? madeValues(job.spec) : null;
    if (made) for (const k of VARIETY_KINDS) for (const v of made[k]) seen[k].set(v, (seen[k].get(v) ?? 0) + 1);
    const fresh = job.discovery?.new ?? [];
    const again = job.discovery?.seen_again ?? [];
    const observed = fresh.length + again.length;
    const novelty = job.discovery && observed > 0 ? fresh.length / observed : null;
    novelties.push(novelty);
    const recent = novelties.slice(Math.max(0, novelties.length - NOVELTY_WINDOW)).filter((x): x is number => x !== null);
    const distinct = Object.fromEntries(VARIETY_KINDS.map((k) => [k, seen[k].size])) as Record<VarietyKind, number>;
    points.push({
      index,
      new_entries: fresh.length,
      novelty: novelty === null ? null : round(novelty),
      novelty_running: recent.length > 0 ? round(mean(recent)!) : null,
      pool_share: {
        colors: made && pool.colors > 0 ? round(Math.min(1, made.colors.length / pool.colors)) : null,
        sounds: made && pool.sounds > 0 ? round(Math.min(1, made.sounds.length / pool.sounds)) : null,
      },
      distinct: { ...distinct, total: VARIETY_KINDS.reduce((a, k) => a + distinct[k], 0) },
    });
    pool.colors += fresh.filter(isColorKey).length;
    pool.sounds += fresh.filter(isSoundKey).length;
  });
  const last = points[points.length - 1];
  const full = points.filter((p) => p.index >= NOVELTY_WINDOW - 1 && p.novelty_running !== null).map((p) => p.novelty_running!);
  const minRunning = full.length > 0 ? Math.min(...full) : null;
  const shares = (k: 'colors' | 'sounds') => mean(points.map((p) => p.pool_share[k]).filter((x): x is number => x !== null));
  const novMean = mean(novelties.filter((x): x is number => x !== null));
  const colorShare = shares('colors');
  const soundShare = shares('sounds');
  return {
    jobs: jobs.length,
    points,
    entropy: Object.fromEntries(VARIETY_KINDS.map((k) => [k, round(entropyBits(seen[k].values()), 3)])) as Record<VarietyKind, number>,
    distinct: last ? last.distinct : { colors: 0, moves: 0, gradients: 0, lightings: 0, sounds: 0, total: 0 },
    new_per_job: round(mean(points.map((p) => p.new_entries)) ?? 0, 2),
    novelty: { mean: novMean === null ? null : round(novMean), min_running: minRunning, floor: NOVELTY_FLOOR, above_floor: minRunning === null ? null : minRunning >= NOVELTY_FLOOR },
    pool_share: { colors: colorShare === null ? null : round(colorShare), sounds: soundShare === null ? null : round(soundShare) },
    longest_prompt_run: longest,
  };
}
