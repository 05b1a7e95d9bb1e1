// The invariants of a store (FOUNDATION §10–11) that an imported file must keep, beyond its schema:
// every job with its learning and discovery records and its analysis, every record pointing at a job,
// and every value within what the app itself can produce. Checked without recursion, so a hostile
// file (deep nesting, `__proto__` keys, absurd numbers, impossible dates) gets a path, not a crash.
import { COLOR_PRIMITIVE_NAMES } from '../vocab/colors.ts';
import { canonicalLabels } from './canonical-labels.ts';
import { VALUE_REGISTRIES, type ValueRegistry } from './entry.ts';
import type { ExportProblem } from './export-schema.ts';

/** The interpreter's prompt limit (language/interpret.ts; not imported, so the validator does not load the interpreter; a test keeps them equal). */
export const MAX_PROMPT_CHARS = 10_000;
/** Deepest nesting of objects and arrays a file may have (an analysis report needs about 10). */
export const MAX_NESTING = 64;
/** The longest clip the spec builder makes (build-spec.ts refuses longer), in seconds. */
export const MAX_CLIP_SECONDS = 600;
/** Counts above this are not sightings a store can have made. */
export const MAX_COUNT = 1_000_000_000;
/** Raw measurements, tones and shares are far below this in magnitude. */
const MAX_MAGNITUDE = 1_000_000;

/** The raw number fields each dynamic registry measures (growth.ts). */
const RAW_FIELDS: Partial<Record<ValueRegistry, readonly string[]>> = {
  'dynamic.motion': ['speed'],
  'dynamic.camera': ['dx', 'dy', 'zoom', 'roll'],
  'dynamic.gradient': ['fit', 'direction_deg', 'center_x', 'center_y'],
  'dynamic.lighting': ['luma_mean', 'luma_std'],
  'dynamic.sound.tempo': ['bpm'],
  'dynamic.sound.mood': ['centroid_hz', 'flatness', 'rms_db'],
  'dynamic.sound.presence': ['non_silent_pct'],
  'dynamic.sound.speech': ['speech_share'],
};

/** The `domain.label` form each registry's depth uses (§4: a blend of the domain's primitives). */
const DEPTH_DOMAIN: Partial<Record<ValueRegistry, string>> = {
  'dynamic.motion': 'motion', 'dynamic.camera': 'camera', 'dynamic.gradient': 'gradient', 'dynamic.lighting': 'lighting',
  'dynamic.sound.tempo': 'tempo', 'dynamic.sound.mood': 'mood', 'dynamic.sound.presence': 'presence', 'dynamic.sound.speech': 'speech',
};
const SPEECH_LABELS = ['speech', 'some_speech', 'no_speech'];

function labelsOf(registry: ValueRegistry): readonly string[] {
  return registry === 'dynamic.sound.speech' ? SPEECH_LABELS : canonicalLabels(registry) ?? [];
}

/** The depth (and blend part) keys a registry's entries may use: from the vocabulary only. */
function allowedKeys(registry: ValueRegistry): ReadonlySet<string> {
  if (registry === 'static.colors' || registry === 'dynamic.colors') return new Set(COLOR_PRIMITIVE_NAMES);
  if (registry === 'static.sound') return new Set([...labelsOf(registry), ...labelsOf(registry).map((l) => `sound.${l}`)]);
  if (registry === 'dynamic.blends') {
    return new Set((['dynamic.motion', 'dynamic.lighting', 'dynamic.camera'] as const).flatMap((r) => labelsOf(r).map((l) => `${DEPTH_DOMAIN[r]}.${l}`)));
  }
  const domain = DEPTH_DOMAIN[registry];
  return new Set(domain ? labelsOf(registry).map((l) => `${domain}.${l}`) : []);
}
const ALLOWED = new Map(VALUE_REGISTRIES.map((r) => [r, allowedKeys(r)]));

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Whether an ISO-8601 timestamp names a real instant (a calendar day, a time of day) from 1970 on. */
export function isRealIso(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Why a parsed file is too deep or holds a forbidden key (`__proto__`), found iteratively: a path for
 * the first offence, or null. Runs before anything that recurses over the file.
 */
export function nestingProblem(json: unknown): ExportProblem | null {
  const stack: [unknown, string, number][] = [[json, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_NESTING) return { path, message: `nested deeper than ${MAX_NESTING} levels (no export of this app is)` };
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}/${i}`, depth + 1]);
      continue;
    }
    for (const k of Object.keys(node)) {
      if (k === '__proto__') return { path: `${path}/${k}`, message: 'the key "__proto__" is not allowed' };
      stack.push([(node as Record<string, unknown>)[k], `${path}/${escapePointer(k)}`, depth + 1]);
    }
  }
  return null;
}

function escapePointer(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A name or span: at most 200 characters, no markup brackets, no control characters. */
function isPlainText(s: string): boolean {
  if (s.length > 200) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x3c || c === 0x3e) return false;
  }
  return true;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/**
 * Every invariant a schema-valid file breaks, by path. Call after the schema check passed (shapes are
 * then known) and after nestingProblem (depth is then bounded).
 */
export function invariantProblems(file: Obj): ExportProblem[] {
  const problems: ExportProblem[] = [];
  const push = (path: string, message: string) => problems.push({ path, message });
  const date = (x: unknown, path: string) => {
    if (x !== undefined && !isRealIso(x)) push(path, `must be a real date and time from 1970 on, got ${JSON.stringify(x)}`);
  };
  const prompt = (x: unknown, path: string) => {
    if (typeof x === 'string' && x.length > MAX_PROMPT_CHARS) push(path, `a prompt is at most ${MAX_PROMPT_CHARS} characters (this one has ${x.length})`);
  };
  const duration = (x: unknown, path: string) => {
    if (x !== null && x !== undefined && !(typeof x === 'number' && x > 0 && x <= MAX_CLIP_SECONDS)) push(path, `must be null or a clip length in (0, ${MAX_CLIP_SECONDS}] seconds, got ${JSON.stringify(x)}`);
  };
  const instruction = (x: unknown, path: string) => {
    if (!isObj(x)) return;
    prompt(x.prompt, `${path}/prompt`);
    duration(x.duration_s, `${path}/duration_s`);
  };
  const count = (x: unknown, path: string) => {
    if (typeof x === 'number' && x > MAX_COUNT) push(path, `must be at most ${MAX_COUNT}`);
  };

  date(file.exported_at, '/exported_at');
  // Entries: dates, counts, keys from the vocabulary, numbers in range, names that are text.
  const walkEntries = (node: unknown, path: string) => {
    list(node).forEach((e, i) => {
      if (!isObj(e)) return;
      const at = `${path}/${i}`;
      const registry = e.registry as ValueRegistry;
      date(e.first_seen, `${at}/first_seen`);
      date(e.last_seen, `${at}/last_seen`);
      count(e.count, `${at}/count`);
      if (typeof e.name === 'string' && !isPlainText(e.name)) push(`${at}/name`, 'must be at most 200 characters of text (no <, > or control characters)');
      const allowed = ALLOWED.get(registry);
      for (const [field, keys] of [['depth', allowed], ['parts', allowed]] as const) {
        const parts = e[field];
        if (!isObj(parts) || !keys) continue;
        for (const k of Object.keys(parts)) if (!keys.has(k)) push(`${at}/${field}/${escapePointer(k)}`, `${JSON.stringify(k)} is not a ${registry} ${field === 'depth' ? 'depth' : 'blend'} key`);
      }
      const raw = e.raw;
      const fields = RAW_FIELDS[registry];
      if (isObj(raw) && fields) {
        for (const [k, v] of Object.entries(raw)) {
          if (!fields.includes(k)) push(`${at}/raw/${escapePointer(k)}`, `${JSON.stringify(k)} is not a ${registry} measurement (${fields.join(', ')})`);
          else if (typeof v === 'number' && !(Math.abs(v) <= MAX_MAGNITUDE)) push(`${at}/raw/${k}`, `must be within ±${MAX_MAGNITUDE}`);
        }
      }
      if (typeof e.tone_hz === 'number' && e.tone_hz > 100_000) push(`${at}/tone_hz`, 'must be at most 100000 Hz');
    });
  };
  const st = file.static as Obj;
  const dy = file.dynamic as Obj;
  for (const [section, lists] of [[st, ['colors', 'sound']], [dy, ['colors', 'motion', 'camera', 'gradient', 'lighting', 'sound', 'blends']]] as const) {
    for (const name of lists) {
      const s = (section as Obj)[name];
      if (!isObj(s)) continue;
      for (const [k, v] of Object.entries(s)) walkEntries(v, `/${section === st ? 'static' : 'dynamic'}/${name}/${k}`);
    }
  }

  const runs = file.runs as Obj;
  const jobs = list(runs.jobs);
  const jobIds = new Set(jobs.map((j) => (isObj(j) ? String(j.id) : '')));
  const learned = new Set(list(runs.learning).map((r) => (isObj(r) ? String(r.job_id) : '')));
  const discovered = new Set(list(runs.discovery).map((r) => (isObj(r) ? String(r.job_id) : '')));
  jobs.forEach((j, i) => {
    if (!isObj(j)) return;
    const at = `/runs/jobs/${i}`;
    date(j.created_at, `${at}/created_at`);
    date(j.started_at, `${at}/started_at`);
    prompt(j.prompt, `${at}/prompt`);
    instruction(j.instruction, `${at}/instruction`);
    if (isObj(j.spec)) duration(j.spec.duration_s, `${at}/spec/duration_s`);
    const a = j.analysis;
    if (!isObj(a) || a.schema !== 'mp4-analysis/1' || !Array.isArray(a.frames) || !Array.isArray(a.windows)) push(`${at}/analysis`, 'every job keeps its analysis (an mp4-analysis/1 report with frames and windows)');
    if (!learned.has(String(j.id))) push(at, `job ${JSON.stringify(j.id)} has no learning record in /runs/learning (every job has one)`);
    if (!discovered.has(String(j.id))) push(at, `job ${JSON.stringify(j.id)} has no discovery record in /runs/discovery (every job has one)`);
  });
  for (const key of ['learning', 'discovery'] as const) {
    list(runs[key]).forEach((r, i) => {
      if (isObj(r) && !jobIds.has(String(r.job_id))) push(`/runs/${key}/${i}/job_id`, `no job ${JSON.stringify(r.job_id)} in /runs/jobs`);
    });
  }
  const narrative = file.narrative as Obj;
  for (const layer of ['intended', 'observed'] as const) {
    list(narrative[layer]).forEach((r, i) => {
      if (!isObj(r)) return;
      date(r.recorded_at, `/narrative/${layer}/${i}/recorded_at`);
      if (r.job_id !== null && !jobIds.has(String(r.job_id))) push(`/narrative/${layer}/${i}/job_id`, `no job ${JSON.stringify(r.job_id)} in /runs/jobs`);
      if (isObj(r.narrative)) prompt(r.narrative.prompt, `/narrative/${layer}/${i}/narrative/prompt`);
    });
  }
  list(file.interpretation).forEach((r, i) => {
    if (!isObj(r)) return;
    const at = `/interpretation/${i}`;
    prompt(r.prompt, `${at}/prompt`);
    date(r.created_at, `${at}/created_at`);
    date(r.updated_at, `${at}/updated_at`);
    instruction(r.instruction, `${at}/instruction`);
  });
  list(file.linguistic).forEach((r, i) => {
    if (!isObj(r)) return;
    count(r.count, `/linguistic/${i}/count`);
    for (const k of ['span', 'canonical', 'domain'] as const) {
      const v = r[k];
      if (typeof v === 'string' && !isPlainText(v)) push(`/linguistic/${i}/${k}`, 'must be at most 200 characters of text (no <, > or control characters)');
    }
  });
  const diag = file.diagnostics as Obj;
  for (const k of ['jobs', 'missing_learning', 'missing_discovery'] as const) count(diag[k], `/diagnostics/${k}`);
  return problems;
}
