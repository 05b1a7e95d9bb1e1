// The plain routes for scripts and tools (the earlier system's): each turns its body into registry
// mutations, logged once (by digest) through the same merge rule as a sync push.
import { VALUE_REGISTRIES } from '../../../src/core/registry/entry.ts';
import { INTERPRETATION_SOURCES, LINGUISTIC_SOURCES, LINGUISTIC_VARIANTS, type InterpretationRecord } from '../../../src/core/registry/export-records.ts';
import { canonicalLabels } from '../../../src/core/registry/canonical-labels.ts';
import { candidateProblem, type Candidate } from '../../../src/core/registry/identity.ts';
import type { RegistryMutation } from '../../../src/core/registry/mutations.ts';
import { planSightings } from '../../../src/core/registry/plan-growth.ts';
import { diagnosticsOf, exportOfState, knownOfState } from '../export-state.ts';
import { currentState } from '../fold.ts';
import { HttpError, json } from '../http.ts';
import { digestOf, headVersion, recordStatements, runBatch } from '../log.ts';
import { MAX_RECORDS } from '../limits.ts';
import { arr, int, iso, num, obj, oneOf, onlyKeys, str } from '../validate.ts';
import { queryInt } from './sync.ts';

const serialise = (ms: RegistryMutation[]) => ms.map((m) => JSON.stringify(m));

/** GET /api/registries: every registry merged, as the app's `motion-registries/1` export. */
export async function registries(db: D1Database, now: string): Promise<Response> {
  const { state, version } = await currentState(db);
  return json(exportOfState(state, now), 200, { 'x-sync-cursor': String(version) });
}

/**
 * POST /api/knowledge/discoveries `{job_id, recorded_at?, discoveries: [{registry, canonical, value, depth?}]}`:
 * each value is matched against the registry (§6) and recorded as a sighting of the match or as a new
 * entry named from its value (§5); the run itself is recorded even when `discoveries` is empty, once per job.
 */
export async function discoveries(db: D1Database, body: unknown, now: string): Promise<Response> {
  const root = obj(body, '$');
  onlyKeys(root, '$', ['job_id', 'recorded_at', 'discoveries']);
  const jobId = str(root.job_id, '$.job_id');
  const at = root.recorded_at === undefined ? now : iso(root.recorded_at, '$.recorded_at');
  const items = arr(root.discoveries, '$.discoveries', MAX_RECORDS);
  const candidates: Candidate[] = items.map((raw, i) => {
    const p = `$.discoveries[${i}]`;
    const d = obj(raw, p);
    onlyKeys(d, p, ['registry', 'canonical', 'value', 'depth']);
    const registry = oneOf(d.registry, `${p}.registry`, VALUE_REGISTRIES);
    const c = { registry, canonical: str(d.canonical, `${p}.canonical`), value: d.value, depth: (d.depth ?? null) as Candidate['depth'] };
    const problem = candidateProblem(c, canonicalLabels(registry));
    if (problem) throw new HttpError(400, problem, p);
    return c;
  });
  const done = await db.prepare('SELECT received_at FROM discovery_runs WHERE job_id = ?1').bind(jobId).first<{ received_at: string }>();
  if (done) return json({ job_id: jobId, recorded: false, already_recorded_at: done.received_at });

  const { state } = await currentState(db);
  // The app's own planner (src/core/registry/plan-growth.ts): identity (§6), names (§5), colour depth (§4).
  const plan = planSightings(knownOfState(state, 'api'), candidates, jobId, at);
  const mutations: RegistryMutation[] = [...plan.mutations];
  const fresh = [...new Set(plan.results.filter((r) => r.outcome === 'added').map((r) => r.key))];
  const again = [...new Set(plan.results.filter((r) => r.outcome !== 'added' && !fresh.includes(r.key)).map((r) => r.key))];
  mutations.push({ type: 'put-discovery', record: { job_id: jobId, new: fresh, seen_again: again } });
  const statements = await recordStatements(db, serialise(mutations), now);
  statements.push(db.prepare('INSERT OR IGNORE INTO discovery_runs (job_id, discoveries, received_at) VALUES (?1, ?2, ?3)').bind(jobId, candidates.length, now));
  await runBatch(db, statements);
  return json({ job_id: jobId, recorded: true, new: fresh, seen_again: again }, 201);
}

/** POST /api/learning: one learning record `{job_id, agreement, …fields}` (§10), keyed by job. */
export async function learning(db: D1Database, body: unknown, now: string): Promise<Response> {
  const r = obj(body, '$');
  str(r.job_id, '$.job_id');
  num(r.agreement, '$.agreement', 0, 1);
  await runBatch(db, await recordStatements(db, serialise([{ type: 'put-learning', record: r as never }]), now));
  return json({ job_id: r.job_id, recorded: true }, 201);
}

/** POST /api/interpretations `{interpretations: [{prompt, instruction?, status?, source?, error?}]}`: a prompt without instruction waits in the queue. */
export async function interpretations(db: D1Database, body: unknown, now: string): Promise<Response> {
  const root = obj(body, '$');
  onlyKeys(root, '$', ['interpretations']);
  const items = arr(root.interpretations, '$.interpretations', MAX_RECORDS, 1);
  const mutations: RegistryMutation[] = items.map((raw, i) => {
    const p = `$.interpretations[${i}]`;
    const r = obj(raw, p);
    onlyKeys(r, p, ['prompt', 'instruction', 'status', 'source', 'error']);
    const prompt = str(r.prompt, `${p}.prompt`, 10_000);
    const instruction = r.instruction === undefined || r.instruction === null ? null : obj(r.instruction, `${p}.instruction`);
    const status = r.status === undefined ? (instruction ? 'done' : 'pending') : oneOf(r.status, `${p}.status`, ['pending', 'done', 'failed'] as const);
    if (status === 'done' && !instruction) throw new HttpError(400, 'a done interpretation needs an instruction', `${p}.instruction`);
    const source = r.source === undefined ? 'user' : oneOf(r.source, `${p}.source`, INTERPRETATION_SOURCES);
    const record: InterpretationRecord = { prompt, instruction: instruction as InterpretationRecord['instruction'], status, source, created_at: now, updated_at: now };
    if (r.error !== undefined && r.error !== null) record.error = str(r.error, `${p}.error`, 2000);
    return { type: 'put-interpretation', record };
  });
  await runBatch(db, await recordStatements(db, serialise(mutations), now));
  return json({ recorded: mutations.length }, 201);
}

/** The queue id of a prompt: the first 16 hex digits of its SHA-256 (URL-safe, stable everywhere). */
export async function promptId(prompt: string): Promise<string> {
  return (await digestOf(prompt)).slice(0, 16);
}

/** GET /api/interpret/queue?limit=N: prompts waiting for interpretation, oldest first. */
export async function interpretQueue(db: D1Database, url: URL): Promise<Response> {
  const limit = queryInt(url, 'limit', 100, 1, 1000);
  const { state } = await currentState(db);
  const waiting = [...state.interpretation.values()].filter((r) => r.status === 'pending')
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.prompt < b.prompt ? -1 : 1));
  const page = await Promise.all(waiting.slice(0, limit).map(async (r) => ({ id: await promptId(r.prompt), prompt: r.prompt, created_at: r.created_at })));
  return json({ pending: waiting.length, queue: page });
}

/** PATCH /api/interpret/:id `{instruction}` or `{status: "failed", error}`: the prompt's interpretation is done (or failed). */
export async function patchInterpretation(db: D1Database, id: string, body: unknown, now: string): Promise<Response> {
  if (!/^[0-9a-f]{16}$/.test(id)) throw new HttpError(400, 'expected the 16 hex digits the queue gave', 'params.id');
  const r = obj(body, '$');
  onlyKeys(r, '$', ['instruction', 'status', 'error']);
  const status = r.status === undefined ? 'done' : oneOf(r.status, '$.status', ['done', 'failed'] as const);
  const instruction = status === 'done' ? obj(r.instruction, '$.instruction') : null;
  const error = status === 'failed' ? str(r.error, '$.error', 2000) : null;
  const { state } = await currentState(db);
  let ours: InterpretationRecord | undefined;
  for (const rec of state.interpretation.values()) if ((await promptId(rec.prompt)) === id) ours = rec;
  if (!ours) throw new HttpError(404, `no interpretation with id ${id}`);
  const record: InterpretationRecord = { ...ours, instruction: instruction as InterpretationRecord['instruction'], status, updated_at: now, error };
  await runBatch(db, await recordStatements(db, serialise([{ type: 'put-interpretation', record }]), now));
  return json({ id, prompt: ours.prompt, status });
}

/**
 * POST /api/linguistic-registry/batch `{mappings: [{span, canonical, domain, variant, source?, dialect?, count?}]}`:
 * each mapping seen `count` (default 1) more times. The request is its own counter (`api:<digest>`),
 * so the same body posted twice counts once and two different posts never overwrite each other.
 */
export async function linguisticBatch(db: D1Database, body: unknown, now: string): Promise<Response> {
  const root = obj(body, '$');
  onlyKeys(root, '$', ['mappings']);
  const items = arr(root.mappings, '$.mappings', MAX_RECORDS, 1);
  const client = `api:${(await digestOf(JSON.stringify(body))).slice(0, 24)}`;
  const mutations: RegistryMutation[] = items.map((raw, i) => {
    const p = `$.mappings[${i}]`;
    const r = obj(raw, p);
    onlyKeys(r, p, ['span', 'canonical', 'domain', 'variant', 'source', 'dialect', 'count']);
    const record = {
      span: str(r.span, `${p}.span`), canonical: str(r.canonical, `${p}.canonical`), domain: str(r.domain, `${p}.domain`, 40),
      variant: oneOf(r.variant, `${p}.variant`, LINGUISTIC_VARIANTS), source: r.source === undefined ? 'learned' as const : oneOf(r.source, `${p}.source`, LINGUISTIC_SOURCES),
      ...(r.dialect === undefined ? {} : { dialect: str(r.dialect, `${p}.dialect`, 80) }),
    };
    return { type: 'put-linguistic', record, client, total: r.count === undefined ? 1 : int(r.count, `${p}.count`, 1, 1e6) };
  });
  await runBatch(db, await recordStatements(db, serialise(mutations), now));
  return json({ recorded: mutations.length }, 201);
}

/** GET /api/diagnostics: §10 over the merged registries, plus the server's own figures. */
export async function diagnostics(db: D1Database): Promise<Response> {
  const { state, version } = await currentState(db);
  const counts = await db.prepare('SELECT (SELECT COUNT(*) FROM mutations) AS mutations, (SELECT COUNT(*) FROM clients) AS clients, (SELECT COUNT(*) FROM discovery_runs) AS discovery_runs')
    .first<{ mutations: number; clients: number; discovery_runs: number }>();
  const entries = [...state.entries.values()];
  return json({
    ...diagnosticsOf(state),
    server: {
      cursor: version, head: await headVersion(db), mutations: counts?.mutations ?? 0, clients: counts?.clients ?? 0, discovery_runs: counts?.discovery_runs ?? 0,
      entries: entries.length, discoveries: entries.filter((e) => e.origin === 'discovery').length,
      sightings: entries.reduce((s, e) => s + e.count, 0), pending_sightings: [...state.pending.values()].reduce((s, l) => s + l.length, 0),
    },
  });
}
