// Path-precise validation of one RegistryMutation (src/core/registry/mutations.ts) as a client sends it:
// every field the merge rule reads is checked here, so a bad push is a 400 and never reaches the log.
import { VALUE_REGISTRIES } from '../../src/core/registry/entry.ts';
import { INTERPRETATION_SOURCES, INTERPRETATION_STATUSES, LINGUISTIC_SOURCES, LINGUISTIC_VARIANTS } from '../../src/core/registry/export-records.ts';
import { canonicalLabels } from '../../src/core/registry/canonical-labels.ts';
import { candidateProblem } from '../../src/core/registry/identity.ts';
import { MUTATION_TYPES, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import { HttpError } from './http.ts';
import { arr, int, iso, num, obj, oneOf, onlyKeys, str, type Obj } from './validate.ts';

/** Longest prompt the app makes (and accepts on import). */
const MAX_PROMPT = 10_000;
const ORIGINS = ['primitive', 'discovery'] as const;
const LABELS = ['intended', 'observed'] as const;

function claim(value: unknown, path: string): void {
  const c = obj(value, path);
  onlyKeys(c, path, ['recorded_at', 'source', 'client']);
  iso(c.recorded_at, `${path}.recorded_at`);
  str(c.source, `${path}.source`, 300);
  if (typeof c.client !== 'string' || c.client.length > 100) throw new HttpError(400, 'expected a string of at most 100 characters', `${path}.client`);
}

function record(m: Obj, path: string): Obj {
  return obj(m.record, `${path}.record`);
}

/** Throws HttpError(400) at the first problem of `value` as a mutation, naming its JSON path. */
export function checkMutation(value: unknown, path: string): asserts value is RegistryMutation {
  const m = obj(value, path);
  const type = oneOf(m.type, `${path}.type`, MUTATION_TYPES);
  const rp = `${path}.record`;
  switch (type) {
    case 'put-entry': {
      onlyKeys(m, path, ['type', 'registry', 'base', 'name', 'origin', 'canonical', 'value', 'depth', 'claim']);
      const registry = oneOf(m.registry, `${path}.registry`, VALUE_REGISTRIES);
      const base = str(m.base, `${path}.base`);
      const name = str(m.name, `${path}.name`);
      if (name !== base && !(name.startsWith(`${base} `) && /^\d+$/.test(name.slice(base.length + 1)))) throw new HttpError(400, `must be the base ${JSON.stringify(base)} or "base N"`, `${path}.name`);
      oneOf(m.origin, `${path}.origin`, ORIGINS);
      str(m.canonical, `${path}.canonical`);
      const problem = candidateProblem({ registry, canonical: m.canonical as string, value: m.value, depth: m.depth as never }, canonicalLabels(registry));
      if (problem) throw new HttpError(400, problem, path);
      claim(m.claim, `${path}.claim`);
      return;
    }
    case 'add-sighting':
      onlyKeys(m, path, ['type', 'registry', 'base', 'record', 'source', 'seen_at']);
      oneOf(m.registry, `${path}.registry`, VALUE_REGISTRIES);
      str(m.base, `${path}.base`);
      str(m.record, `${path}.record`, 600);
      str(m.source, `${path}.source`, 300);
      iso(m.seen_at, `${path}.seen_at`);
      return;
    case 'put-narrative': {
      onlyKeys(m, path, ['type', 'record']);
      const r = record(m, path);
      const label = oneOf(r.label, `${rp}.label`, LABELS);
      const id = str(r.id, `${rp}.id`, 300);
      if (!id.startsWith(`${label}:`)) throw new HttpError(400, `must start with "${label}:"`, `${rp}.id`);
      if (r.job_id !== null) str(r.job_id, `${rp}.job_id`, 200);
      iso(r.recorded_at, `${rp}.recorded_at`);
      obj(r.narrative, `${rp}.narrative`);
      return;
    }
    case 'put-interpretation': {
      onlyKeys(m, path, ['type', 'record']);
      const r = record(m, path);
      onlyKeys(r, rp, ['prompt', 'instruction', 'status', 'source', 'created_at', 'updated_at', 'error']);
      str(r.prompt, `${rp}.prompt`, MAX_PROMPT);
      if (r.instruction !== null) obj(r.instruction, `${rp}.instruction`);
      oneOf(r.status, `${rp}.status`, INTERPRETATION_STATUSES);
      oneOf(r.source, `${rp}.source`, INTERPRETATION_SOURCES);
      iso(r.created_at, `${rp}.created_at`);
      iso(r.updated_at, `${rp}.updated_at`);
      if (r.error !== undefined && r.error !== null) str(r.error, `${rp}.error`, 2000);
      return;
    }
    case 'put-linguistic': {
      onlyKeys(m, path, ['type', 'record', 'client', 'total']);
      const r = record(m, path);
      onlyKeys(r, rp, ['span', 'canonical', 'domain', 'variant', 'source', 'dialect']);
      str(r.span, `${rp}.span`);
      str(r.canonical, `${rp}.canonical`);
      str(r.domain, `${rp}.domain`, 40);
      oneOf(r.variant, `${rp}.variant`, LINGUISTIC_VARIANTS);
      oneOf(r.source, `${rp}.source`, LINGUISTIC_SOURCES);
      if (r.dialect !== undefined) str(r.dialect, `${rp}.dialect`, 80);
      if (typeof m.client !== 'string' || m.client.length > 100) throw new HttpError(400, 'expected a string of at most 100 characters', `${path}.client`);
      int(m.total, `${path}.total`, 0, 1e9);
      return;
    }
    case 'put-job': {
      onlyKeys(m, path, ['type', 'record']);
      const r = record(m, path);
      str(r.id, `${rp}.id`);
      iso(r.created_at, `${rp}.created_at`);
      return;
    }
    case 'put-learning': {
      onlyKeys(m, path, ['type', 'record']);
      const r = record(m, path);
      str(r.job_id, `${rp}.job_id`);
      num(r.agreement, `${rp}.agreement`, 0, 1);
      return;
    }
    case 'put-discovery': {
      onlyKeys(m, path, ['type', 'record']);
      const r = record(m, path);
      str(r.job_id, `${rp}.job_id`);
      arr(r.new, `${rp}.new`, 10_000).forEach((k, i) => str(k, `${rp}.new[${i}]`, 400));
      arr(r.seen_again, `${rp}.seen_again`, 10_000).forEach((k, i) => str(k, `${rp}.seen_again[${i}]`, 400));
      return;
    }
  }
}
