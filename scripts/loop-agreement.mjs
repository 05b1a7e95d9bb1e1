// Agreement of a loop run per field and per pair of spec values (camera × gradient, camera × mode, …), read
// from a motion-registries/1 export (`loop --out FILE`): which combinations the creator makes that extraction
// does not see; and the run's variety report (src/core/registry/variety-report.ts). Usage: node scripts/loop-agreement.mjs EXPORT.json [--min N] [--below A] [--groups] [--json]
//   --min N    smallest group listed (default 3)   --below A   list groups with a field mean under A (default 0.9)
//   --groups   also print every group (each spec value and each pair) of at least N jobs with its per-field means
//   --first K  only the run's first K jobs (to compare a shorter run with a longer one of the same seed)
// It also prints the variety of what the prompts asked and the specs made: per domain the distinct values over the run's
// jobs and the largest share one value takes (issue 16.2: explore picks the least-seen; no value should crowd the rest).
import { readFileSync } from 'node:fs';
import { importTs } from './bench/_bundle.mjs';

const FIELDS = ['camera', 'motion', 'gradient', 'lighting', 'palette', 'sound', 'tempo'];

/** The spec values a job is grouped by. */
function attributes(job) {
  const s = job.spec;
  return {
    mode: s.mode,
    camera: s.camera.move,
    motion: s.motion.level,
    gradient: s.gradient.type,
    lighting: s.lighting.canonical,
    beat: s.tempo.bpm === null ? 'none' : 'beat',
    colours: s.palette.length <= 2 ? '1-2' : s.palette.length <= 4 ? '3-4' : '5+',
  };
}

function parse(argv) {
  const o = { file: null, min: 3, below: 0.9, json: false, groups: false, first: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--min') o.min = Number(argv[++i]);
    else if (a === '--below') o.below = Number(argv[++i]);
    else if (a === '--json') o.json = true;
    else if (a === '--groups') o.groups = true;
    else if (a === '--first') o.first = Number(argv[++i]);
    else o.file = a;
  }
  if (!o.file) throw new Error('usage: node scripts/loop-agreement.mjs EXPORT.json [--min N] [--below A] [--json]');
  return o;
}

function meanOf(xs) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Per-field means over a list of learning records (fields not scored are skipped). */
function fieldMeans(rows) {
  const out = {};
  for (const f of FIELDS) {
    const xs = rows.map((r) => r.learning.fields[f]?.agreement).filter((x) => typeof x === 'number');
    out[f] = xs.length ? { mean: Math.round(meanOf(xs) * 1000) / 1000, n: xs.length } : null;
  }
  return out;
}

const o = parse(process.argv.slice(2));
const exp = JSON.parse(readFileSync(o.file, 'utf8'));
const learning = new Map(exp.runs.learning.map((l) => [l.job_id, l]));
const rows = [...exp.runs.jobs].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).filter((j) => learning.has(j.id)).slice(0, o.first).map((job) => ({ job, attrs: attributes(job), learning: learning.get(job.id) }));

const overall = fieldMeans(rows);
const keys = Object.keys(rows[0]?.attrs ?? {});
const groups = [];
const addGroups = (names) => {
  const by = new Map();
  for (const r of rows) {
    const k = names.map((n) => `${n}=${r.attrs[n]}`).join(' × ');
    if (!by.has(k)) by.set(k, []);
    by.get(k).push(r);
  }
  for (const [k, rs] of by) groups.push({ group: k, n: rs.length, fields: fieldMeans(rs), rows: rs });
};
for (const a of keys) addGroups([a]);
for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) addGroups([keys[i], keys[j]]);

const weak = [];
for (const g of groups) {
  if (g.n < o.min) continue;
  for (const f of ['camera', 'motion', 'gradient', 'lighting', 'palette', 'sound', 'tempo']) {
    const m = g.fields[f];
    if (m && m.n >= o.min && m.mean < o.below) weak.push({ group: g.group, field: f, mean: m.mean, n: m.n });
  }
}
weak.sort((a, b) => a.mean - b.mean || b.n - a.n);

// Variety: the same core report the app shows, over the export's jobs in order (the pool before the first job is
// the export's colour and sound entries less those the jobs discovered).
const { varietyReport } = await importTs('src/core/registry/variety-report.ts');
const discovery = new Map(exp.runs.discovery.map((d) => [d.job_id, d]));
const vjobs = exp.runs.jobs.map((j) => ({ prompt: j.prompt, spec: j.spec, discovery: discovery.get(j.id) ?? null }));
const grew = (pred) => vjobs.reduce((a, j) => a + (j.discovery?.new ?? []).filter(pred).length, 0);
const section = (s) => s.primitives?.length ?? s.canonical?.length ?? 0;
const colorsNow = section(exp.static.colors) + exp.static.colors.discoveries.length + section(exp.dynamic.colors) + exp.dynamic.colors.discoveries.length;
const soundsNow = section(exp.static.sound) + exp.static.sound.discoveries.length;
const variety = varietyReport(vjobs, {
  colors: colorsNow - grew((k) => k.startsWith('static.colors/') || k.startsWith('dynamic.colors/')),
  sounds: soundsNow - grew((k) => k.startsWith('static.sound/')),
});
const { points, ...varietySummary } = variety;

if (o.json) {
  process.stdout.write(`${JSON.stringify({ jobs: rows.length, overall, weak, variety: varietySummary }, null, 2)}\n`);
} else {
  console.log(`${rows.length} jobs`);
  console.log(FIELDS.map((f) => `${f} ${overall[f] ? `${overall[f].mean.toFixed(2)} (n ${overall[f].n})` : '—'}`).join(', '));
  const big = groups.filter((g) => g.n >= o.min);
  const target = new Set(['camera', 'motion', 'gradient', 'lighting', 'palette']);
  console.log(`\n${big.length} groups of ≥ ${o.min} jobs; ${new Set(weak.filter((w) => target.has(w.field)).map((w) => w.group)).size} with camera, motion, gradient, lighting or palette under ${o.below} (over ≥ ${o.min} jobs that claimed it); ${new Set(weak.map((w) => w.group)).size} counting sound and tempo too`);
  if (o.groups) {
    const f2 = (m) => (m ? `${m.mean.toFixed(2)}/${m.n}`.padEnd(9) : '—'.padEnd(9));
    console.log(`\nevery group of ≥ ${o.min} jobs (mean/n per field):\n  ${'n'.padStart(4)}  ${['camera', 'motion', 'gradient', 'lighting', 'palette'].map((f) => f.padEnd(9)).join(' ')} group`);
    for (const g of big) console.log(`  ${String(g.n).padStart(4)}  ${['camera', 'motion', 'gradient', 'lighting', 'palette'].map((f) => f2(g.fields[f])).join(' ')} ${g.group}`);
  }
  console.log(`\ngroups (≥ ${o.min} jobs) with a field under ${o.below}:`);
  for (const w of weak) console.log(`  ${w.mean.toFixed(2)}  n=${String(w.n).padStart(3)}  ${w.field.padEnd(8)} ${w.group}`);
  console.log('\nmisses (intended → observed) per field:');
  for (const f of ['camera', 'motion', 'gradient', 'lighting']) {
    const c = new Map();
    for (const r of rows) {
      const x = r.learning.fields[f];
      if (x?.agreement === 0) c.set(`${x.intended}→${x.observed}`, (c.get(`${x.intended}→${x.observed}`) ?? 0) + 1);
    }
    console.log(`  ${f}: ${[...c.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  }
  console.log('\nvariety of choice (distinct values over the jobs that set the domain; largest share of one value):');
  const domains = {
    'asked move': (j) => [j.instruction?.camera?.move],
    'asked motion': (j) => [j.instruction?.motion?.level],
    'asked gradient': (j) => [j.instruction?.gradient?.type],
    'asked lighting': (j) => [j.instruction?.lighting],
    'asked colour': (j) => j.instruction?.palette?.primitives ?? [],
    'asked sound': (j) => j.instruction?.sound?.primitives ?? [],
    'asked mood': (j) => j.instruction?.narrative?.mood ?? [],
    'asked setting': (j) => j.instruction?.narrative?.settings ?? [],
    'made move': (j) => [j.spec.camera.move],
    'made motion': (j) => [j.spec.motion.level],
    'made gradient': (j) => [j.spec.gradient.type],
    'made lighting': (j) => [j.spec.lighting.canonical],
  };
  for (const [name, of] of Object.entries(domains)) {
    const c = new Map();
    let jobs = 0;
    for (const r of rows) {
      const vs = of(r.job).filter((v) => v !== null && v !== undefined);
      if (vs.length > 0) jobs++;
      for (const v of vs) c.set(v, (c.get(v) ?? 0) + 1);
    }
    const [top, n] = [...c.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0];
    console.log(`  ${name.padEnd(15)} ${String(c.size).padStart(3)} distinct over ${String(jobs).padStart(3)} jobs; largest ${top} ${jobs ? ((100 * n) / jobs).toFixed(0) : 0} %`);
  }
  console.log(`\nvariety: ${JSON.stringify(varietySummary)}`);
  const at = (i) => points[Math.min(points.length - 1, i)];
  console.log(`distinct values made after 1, 10, 25, 50, 100 jobs: ${[0, 9, 24, 49, 99].map((i) => at(i)?.distinct.total).join(', ')}`);
}
