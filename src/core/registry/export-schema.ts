// FOUNDATION §11: the `motion-registries/1` export file: its type, its JSON Schema and its validator.
import type { ErrorObject } from 'ajv';
import { COLOR_PRIMITIVES, rgbToHex } from '../vocab/colors.ts';
import { canonicalLabels } from './canonical-labels.ts';
import type { EntryOrigin, StaticColorValue, StaticSoundValue, ValueRegistry } from './entry.ts';
import type { BlendValue, DynamicValue, MelodyValue } from './identity.ts';
import {
  INTERPRETATION_SOURCES, INTERPRETATION_STATUSES, LINGUISTIC_SOURCES, LINGUISTIC_VARIANTS,
  type Diagnostics, type DiscoveryRecord, type InterpretationRecord, type JobRecord, type LearningRecord,
  type LinguisticRecord, type NarrativeRecord,
} from './export-records.ts';
import { validate as generatedValidate } from './export-validator.ts';
import { invariantProblems, nestingProblem } from './import-invariants.ts';

/** Schema tag of the registries export file; import refuses any other. */
export const EXPORT_SCHEMA = 'motion-registries/1' as const;

/** An entry as exported: the RegistryEntry fields, its value's fields inlined, and no `key` (it is `registry/name`). */
export interface ExportEntryBase {
  registry: ValueRegistry;
  name: string;
  origin: EntryOrigin;
  canonical: string;
  depth: Record<string, number> | null;
  count: number;
  first_seen: string;
  last_seen: string;
  sources: string[];
}
/** An exported colour entry (static or dynamic): rgb and hex inlined. */
export type ExportColorEntry = ExportEntryBase & StaticColorValue;
/** An exported pure-sound entry: breakdown and tone_hz inlined. */
export type ExportSoundEntry = ExportEntryBase & StaticSoundValue;
/** An exported per-window entry (motion, camera, gradient, lighting, sound over time): raw numbers inlined. */
export type ExportDynamicEntry = ExportEntryBase & DynamicValue;
/** An exported melody entry: its MIDI notes inlined. */
export type ExportMelodyEntry = ExportEntryBase & MelodyValue;
/** An exported multi-domain blend: its parts (registry/name → percentage) inlined. */
export type ExportBlendEntry = ExportEntryBase & BlendValue;
/** Any exported registry entry. */
export type ExportEntry = ExportColorEntry | ExportSoundEntry | ExportDynamicEntry | ExportMelodyEntry | ExportBlendEntry;

/** A dynamic section: the vocabulary's canonical labels (primitives) and what was discovered. */
export interface DynamicSection<E> {
  canonical: E[];
  discoveries: E[];
}

/** The whole export file. */
export interface RegistriesExport {
  schema: typeof EXPORT_SCHEMA;
  exported_at: string;
  static: {
    colors: { primitives: ExportColorEntry[]; discoveries: ExportColorEntry[] };
    sound: { primitives: ExportSoundEntry[]; discoveries: ExportSoundEntry[] };
  };
  dynamic: {
    colors: DynamicSection<ExportColorEntry>;
    motion: DynamicSection<ExportDynamicEntry>;
    camera: DynamicSection<ExportDynamicEntry>;
    gradient: DynamicSection<ExportDynamicEntry>;
    lighting: DynamicSection<ExportDynamicEntry>;
    /**
     * canonical: the primitive labels of tempo, mood and presence; discoveries: measured tempo,
     * presence, melody and speech values; semantic: discovered moods (the sound's reading).
     */
    sound: DynamicSection<ExportDynamicEntry | ExportMelodyEntry> & { semantic: ExportDynamicEntry[] };
    blends: DynamicSection<ExportBlendEntry>;
  };
  narrative: { intended: NarrativeRecord[]; observed: NarrativeRecord[] };
  interpretation: InterpretationRecord[];
  linguistic: LinguisticRecord[];
  runs: { jobs: JobRecord[]; learning: LearningRecord[]; discovery: DiscoveryRecord[] };
  diagnostics: Diagnostics;
}

/** The value fields each registry inlines into its exported entries. */
export function valueFields(registry: ValueRegistry): readonly string[] {
  if (registry === 'static.colors' || registry === 'dynamic.colors') return ['rgb', 'hex'];
  if (registry === 'static.sound') return ['breakdown', 'tone_hz'];
  if (registry === 'dynamic.sound.melody') return ['notes'];
  if (registry === 'dynamic.blends') return ['parts'];
  return ['raw'];
}

/** Where an entry goes in the file, as a JSON pointer to its list. */
export function sectionOf(registry: ValueRegistry, origin: EntryOrigin): string {
  if (registry === 'static.colors') return origin === 'primitive' ? '/static/colors/primitives' : '/static/colors/discoveries';
  if (registry === 'static.sound') return origin === 'primitive' ? '/static/sound/primitives' : '/static/sound/discoveries';
  if (registry.startsWith('dynamic.sound.')) {
    if (origin === 'primitive') return '/dynamic/sound/canonical';
    return registry === 'dynamic.sound.mood' ? '/dynamic/sound/semantic' : '/dynamic/sound/discoveries';
  }
  const domain = registry.slice('dynamic.'.length);
  return `/dynamic/${domain}/${origin === 'primitive' ? 'canonical' : 'discoveries'}`;
}

/** Every entry list of the file, with the registries and origin it may hold. */
export const ENTRY_LISTS: readonly { path: string; registries: readonly ValueRegistry[]; origin: EntryOrigin }[] = [
  { path: '/static/colors/primitives', registries: ['static.colors'], origin: 'primitive' },
  { path: '/static/colors/discoveries', registries: ['static.colors'], origin: 'discovery' },
  { path: '/static/sound/primitives', registries: ['static.sound'], origin: 'primitive' },
  { path: '/static/sound/discoveries', registries: ['static.sound'], origin: 'discovery' },
  ...(['colors', 'motion', 'camera', 'gradient', 'lighting', 'blends'] as const).flatMap((d) => [
    { path: `/dynamic/${d}/canonical`, registries: [`dynamic.${d}` as ValueRegistry], origin: 'primitive' as const },
    { path: `/dynamic/${d}/discoveries`, registries: [`dynamic.${d}` as ValueRegistry], origin: 'discovery' as const },
  ]),
  { path: '/dynamic/sound/canonical', registries: ['dynamic.sound.tempo', 'dynamic.sound.mood', 'dynamic.sound.presence'], origin: 'primitive' },
  { path: '/dynamic/sound/discoveries', registries: ['dynamic.sound.tempo', 'dynamic.sound.presence', 'dynamic.sound.melody', 'dynamic.sound.speech'], origin: 'discovery' },
  { path: '/dynamic/sound/semantic', registries: ['dynamic.sound.mood'], origin: 'discovery' },
];

// ---- JSON Schema (draft-07, validated with ajv) ----

const iso = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' };
const pct = { type: 'number', minimum: 0, maximum: 100 };
const byte = { type: 'integer', minimum: 0, maximum: 255 };
const shares = { type: 'object', additionalProperties: pct };
const baseProps = {
  registry: { type: 'string' },
  name: { type: 'string', minLength: 1 },
  origin: { enum: ['primitive', 'discovery'] },
  canonical: { type: 'string', minLength: 1 },
  depth: { anyOf: [shares, { type: 'null' }] },
  count: { type: 'integer', minimum: 0 },
  first_seen: iso,
  last_seen: iso,
  sources: { type: 'array', items: { type: 'string', minLength: 1 } },
};
const baseRequired = Object.keys(baseProps);

function entrySchema(valueProps: Record<string, unknown>): object {
  return {
    type: 'object',
    required: [...baseRequired, ...Object.keys(valueProps)],
    additionalProperties: false,
    properties: { ...baseProps, ...valueProps },
  };
}

const colorEntry = entrySchema({ rgb: { type: 'array', items: byte, minItems: 3, maxItems: 3 }, hex: { type: 'string', pattern: '^#[0-9a-f]{6}$' } });
const soundEntry = entrySchema({
  breakdown: { type: 'object', required: ['silence', 'tone', 'rumble', 'hiss'], additionalProperties: false, properties: { silence: pct, tone: pct, rumble: pct, hiss: pct } },
  tone_hz: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] },
});
const dynamicEntry = entrySchema({ raw: { type: 'object', additionalProperties: { type: 'number' } } });
const melodyEntry = entrySchema({ notes: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 127 } } });
const blendEntry = entrySchema({ parts: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[a-z_]+\\.[a-z0-9_-]+$' }, additionalProperties: pct } });
const soundTimeEntry = {
  // A dynamic sound entry is a raw-number entry, or a melody (notes).
  if: { type: 'object', required: ['notes'] },
  then: { $ref: '#/definitions/melodyEntry' },
  else: { $ref: '#/definitions/dynamicEntry' },
};
const narrativeRecord = (label: string) => ({
  type: 'object',
  required: ['id', 'label', 'job_id', 'recorded_at', 'narrative'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1 }, label: { const: label }, job_id: { type: ['string', 'null'] }, recorded_at: iso, narrative: { type: 'object' } },
});

// Each entry kind is defined once and referenced, so the compiled validator stays small.
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const list = (items: object) => ({ type: 'array', items });
const dynamicSection = (kind: string) => ({ type: 'object', required: ['canonical', 'discoveries'], additionalProperties: false, properties: { canonical: list(ref(kind)), discoveries: list(ref(kind)) } });
const staticSection = (kind: string) => ({ type: 'object', required: ['primitives', 'discoveries'], additionalProperties: false, properties: { primitives: list(ref(kind)), discoveries: list(ref(kind)) } });
const obj = (required: string[], properties: Record<string, unknown>, additional = false) => ({ type: 'object', required, additionalProperties: additional, properties });

/** The JSON Schema (draft-07) of `motion-registries/1`. */
export const EXPORT_JSON_SCHEMA = {
  $id: 'https://motion-registries.invalid/schema/motion-registries-1.json',
  ...obj(
    ['schema', 'exported_at', 'static', 'dynamic', 'narrative', 'interpretation', 'linguistic', 'runs', 'diagnostics'],
    {
      schema: { const: EXPORT_SCHEMA },
      exported_at: iso,
      static: obj(['colors', 'sound'], { colors: staticSection('colorEntry'), sound: staticSection('soundEntry') }),
      dynamic: obj(['colors', 'motion', 'camera', 'gradient', 'lighting', 'sound', 'blends'], {
        colors: dynamicSection('colorEntry'),
        motion: dynamicSection('dynamicEntry'),
        camera: dynamicSection('dynamicEntry'),
        gradient: dynamicSection('dynamicEntry'),
        lighting: dynamicSection('dynamicEntry'),
        sound: obj(['canonical', 'discoveries', 'semantic'], { canonical: list(ref('dynamicEntry')), discoveries: list(ref('soundTimeEntry')), semantic: list(ref('dynamicEntry')) }),
        blends: dynamicSection('blendEntry'),
      }),
      narrative: obj(['intended', 'observed'], { intended: list(ref('narrativeIntended')), observed: list(ref('narrativeObserved')) }),
      interpretation: list(obj(['prompt', 'instruction', 'status', 'source', 'created_at', 'updated_at'], {
        prompt: { type: 'string', minLength: 1 },
        instruction: { anyOf: [{ type: 'object', required: ['schema'], properties: { schema: { const: 'instruction/1' } } }, { type: 'null' }] },
        status: { enum: INTERPRETATION_STATUSES },
        source: { enum: INTERPRETATION_SOURCES },
        created_at: iso,
        updated_at: iso,
        error: { type: ['string', 'null'] },
      })),
      linguistic: list(obj(['span', 'canonical', 'domain', 'variant', 'count', 'source'], {
        span: { type: 'string', minLength: 1 },
        canonical: { type: 'string', minLength: 1 },
        domain: { type: 'string', minLength: 1 },
        variant: { enum: LINGUISTIC_VARIANTS },
        count: { type: 'integer', minimum: 0 },
        source: { enum: LINGUISTIC_SOURCES },
        dialect: { type: 'string' },
      })),
      runs: obj(['jobs', 'learning', 'discovery'], {
        jobs: list(obj(['id', 'created_at'], { id: { type: 'string', minLength: 1 }, created_at: iso }, true)),
        learning: list(obj(['job_id', 'agreement'], { job_id: { type: 'string', minLength: 1 }, agreement: { type: 'number', minimum: 0, maximum: 1 } }, true)),
        discovery: list(obj(['job_id', 'new', 'seen_again'], {
          job_id: { type: 'string', minLength: 1 },
          new: { type: 'array', items: { type: 'string' } },
          seen_again: { type: 'array', items: { type: 'string' } },
        }, true)),
      }),
      diagnostics: obj(['jobs', 'missing_learning', 'missing_discovery', 'accuracy'], {
        jobs: { type: 'integer', minimum: 0 },
        missing_learning: { type: 'integer', minimum: 0 },
        missing_discovery: { type: 'integer', minimum: 0 },
        accuracy: { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] },
      }),
    },
  ),
  definitions: {
    colorEntry, soundEntry, dynamicEntry, melodyEntry, blendEntry, soundTimeEntry,
    narrativeIntended: narrativeRecord('intended'), narrativeObserved: narrativeRecord('observed'),
  },
};

/** The ajv options the validator is compiled with (export-validator.ts is generated from them). */
export const EXPORT_AJV_OPTIONS = { allErrors: true, strict: false, unicode: false, inlineRefs: false, code: { source: true, esm: true, lines: false } } as const;

/** One thing wrong with a file: a JSON pointer (`''` is the whole file) and what is wrong there. */
export interface ExportProblem {
  path: string;
  message: string;
}

/** ajv's compiled validator for EXPORT_JSON_SCHEMA (standalone: no eval at run time, no CommonJS in the browser). */
const compiled = generatedValidate as unknown as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function ajvProblems(json: unknown): ExportProblem[] {
  if (compiled(json)) return [];
  const errors = compiled.errors ?? [];
  // if/then/else adds an umbrella error per failing branch; the branch's own errors say more.
  return errors.filter((e) => e.keyword !== 'if').map((e) => ({
    path: e.instancePath,
    message: e.keyword === 'additionalProperties' ? `must NOT have additional property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"` : e.keyword === 'const' ? `must be ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}` : e.keyword === 'enum' ? `must be one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : (e.message ?? e.keyword),
  }));
}

function get(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function sumProblem(parts: Record<string, number>, path: string): ExportProblem | null {
  const sum = Object.values(parts).reduce((s, v) => s + v, 0);
  return Math.abs(sum - 100) > 0.01 ? { path, message: `parts must sum to 100 (± 0.01), got ${+sum.toFixed(4)}` } : null;
}

/** Checks a schema-valid file cannot express: sums, hex vs rgb, placement, vocabularies, uniqueness. */
function semanticProblems(file: RegistriesExport, broken: readonly string[]): ExportProblem[] {
  const problems: ExportProblem[] = [];
  // Skip what the schema already rejected (the item itself, anything inside it, or its container).
  const isBroken = (at: string) => broken.some((p) => p === at || p.startsWith(`${at}/`) || at.startsWith(`${p}/`) || p === '');
  const arrayAt = <T>(pointer: string): T[] => {
    const v = get(file, pointer);
    return Array.isArray(v) ? (v as T[]) : [];
  };
  const push = (p: ExportProblem | null) => {
    if (p) problems.push(p);
  };
  const names = new Map<string, string>();
  for (const section of ENTRY_LISTS) {
    arrayAt<ExportEntry>(section.path).forEach((e, i) => {
      const at = `${section.path}/${i}`;
      if (isBroken(at)) return;
      if (!section.registries.includes(e.registry)) push({ path: `${at}/registry`, message: `must be one of ${JSON.stringify(section.registries)} in this list` });
      if (e.origin !== section.origin) push({ path: `${at}/origin`, message: `must be "${section.origin}" in this list` });
      const labels = canonicalLabels(e.registry);
      if (e.registry === 'dynamic.blends') {
        if (!/^[a-z_]+\.[a-z0-9_-]+$/.test(e.canonical)) push({ path: `${at}/canonical`, message: 'must be a domain.label' });
      } else if (labels && !labels.includes(e.canonical)) push({ path: `${at}/canonical`, message: `must be one of ${JSON.stringify(labels)}` });
      if (section.origin === 'primitive') {
        if (e.name !== e.canonical) push({ path: `${at}/name`, message: `a primitive's name must be its canonical label "${e.canonical}"` });
        if (e.registry === 'static.colors') {
          const p = COLOR_PRIMITIVES.find((c) => c.name === e.name);
          if (p && p.hex !== (e as ExportColorEntry).hex) push({ path: `${at}/hex`, message: `primitive ${p.name} is ${p.hex}` });
        }
      }
      const seen = names.get(`${e.registry}/${e.name}`);
      if (seen !== undefined) push({ path: `${at}/name`, message: `duplicate name "${e.name}" in ${e.registry} (also at ${seen})` });
      else names.set(`${e.registry}/${e.name}`, at);
      if ('rgb' in e && 'hex' in e && rgbToHex(e.rgb) !== e.hex) push({ path: `${at}/hex`, message: `must match rgb ${JSON.stringify(e.rgb)} (${rgbToHex(e.rgb)})` });
      if ('breakdown' in e) push(sumProblem(e.breakdown, `${at}/breakdown`));
      if ('parts' in e) push(sumProblem(e.parts, `${at}/parts`));
      if (e.depth) push(sumProblem(e.depth, `${at}/depth`));
      if (new Set(e.sources).size !== e.sources.length) push({ path: `${at}/sources`, message: 'must not repeat a source' });
      if (e.count < e.sources.length) push({ path: `${at}/count`, message: `must be at least the number of sources (${e.sources.length})` });
      if (e.first_seen > e.last_seen) push({ path: `${at}/last_seen`, message: 'must not be before first_seen' });
    });
  }
  const unique = <T>(path: string, key: (t: T) => string, what: string) => {
    const at = new Map<string, number>();
    arrayAt<T>(path).forEach((item, i) => {
      if (isBroken(`${path}/${i}`)) return;
      const k = key(item);
      if (at.has(k)) problems.push({ path: `${path}/${i}`, message: `duplicate ${what} ${JSON.stringify(k)} (also at ${path}/${at.get(k)})` });
      else at.set(k, i);
    });
  };
  unique<NarrativeRecord>('/narrative/intended', (r) => r.id, 'id');
  unique<NarrativeRecord>('/narrative/observed', (r) => r.id, 'id');
  unique<InterpretationRecord>('/interpretation', (r) => r.prompt, 'prompt');
  unique<LinguisticRecord>('/linguistic', (r) => `${r.span}|${r.domain}|${r.canonical}`, 'span|domain|canonical');
  unique<JobRecord>('/runs/jobs', (r) => r.id, 'job id');
  unique<LearningRecord>('/runs/learning', (r) => r.job_id, 'job_id');
  unique<DiscoveryRecord>('/runs/discovery', (r) => r.job_id, 'job_id');
  return problems;
}

/** Every problem of a would-be export file, by JSON pointer; empty when it is a valid `motion-registries/1`. */
export function validateExport(json: unknown): ExportProblem[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [{ path: '', message: `must be a JSON object (a ${EXPORT_SCHEMA} export), got ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}` }];
  }
  const schema = (json as Record<string, unknown>).schema;
  if (schema !== EXPORT_SCHEMA) return [{ path: '/schema', message: `must be "${EXPORT_SCHEMA}", got ${JSON.stringify(schema)}` }];
  // Depth first and without recursion: nothing below may walk a hostile nest.
  const deep = nestingProblem(json);
  if (deep) return [deep];
  const problems = ajvProblems(json);
  const semantic = semanticProblems(json as RegistriesExport, problems.map((p) => p.path));
  // The store's invariants assume the shapes the schema checks.
  return problems.length > 0 ? [...problems, ...semantic] : [...semantic, ...invariantProblems(json as Record<string, unknown>)];
}

/** Problems as lines `path: message` (`/` for the whole file). */
export function formatProblems(problems: readonly ExportProblem[]): string {
  return problems.map((p) => `${p.path || '/'}: ${p.message}`).join('\n');
}
