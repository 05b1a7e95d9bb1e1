// Registry mutations for the API tests, made the way a client makes them (src/core/registry/mutations.ts).
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import { recordId, type AddSighting, type PutEntry, type RegistryMutation } from '../../src/core/registry/mutations.ts';

/** A colour discovery by `job` of `client` at `at`: its put-entry and its first sighting. */
export function colorDiscovery(rgb: [number, number, number], name: string, job: string, client: string, at: string): [PutEntry, AddSighting] {
  const put: PutEntry = {
    type: 'put-entry', registry: 'static.colors', base: name, name, origin: 'discovery', canonical: 'red',
    value: { rgb, hex: rgbToHex(rgb) }, depth: { red: 100 }, claim: { recorded_at: at, source: job, client },
  };
  return [put, { type: 'add-sighting', registry: 'static.colors', base: name, record: recordId(put), source: job, seen_at: at }];
}

/** A distinct, valid mutation number `i` of `client` (a job record: cheap and keyed). */
export function sampleMutation(client: string, i: number): RegistryMutation {
  return { type: 'put-job', record: { id: `${client}-job-${i}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() } };
}
