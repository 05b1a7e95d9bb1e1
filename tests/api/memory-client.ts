// A sync client whose store is in memory: the real sync engine and merge rule over a RegistryState,
// with an outbox written in the same step as the change (as the app's Dexie store does).
import { findMatch, type Candidate } from '../../src/core/registry/identity.ts';
import { recordId, type PutEntry, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import { authenticName } from '../../src/core/registry/naming.ts';
import { applyMutationsInPlace, entriesOfRegistry, type RegistryState } from '../../src/core/registry/registry-state.ts';
import type { SyncStore } from '../../src/sync/sync-engine.ts';
import { seededState } from '../../api/src/export-state.ts';

/** One browser profile, in memory. */
export class MemoryClient implements SyncStore {
  state: RegistryState = seededState();
  rows: { id: number; mutation: RegistryMutation }[] = [];
  private nextId = 1;
  private pulledTo = 0;

  constructor(readonly id: string) {}

  /** Record a job's sighting of one value: a sighting of the known entry of that value, or a new named entry. */
  discover(candidate: Candidate, job: string, at: string): RegistryMutation[] {
    const known = entriesOfRegistry(this.state, candidate.registry);
    const match = findMatch(known, candidate);
    let mutations: RegistryMutation[];
    if (match) {
      mutations = [{ type: 'add-sighting', registry: candidate.registry, base: match.base, record: match.records[0]!, source: job, seen_at: at }];
    } else {
      const base = authenticName(candidate);
      const put: PutEntry = { type: 'put-entry', registry: candidate.registry, base, name: base, origin: 'discovery', canonical: candidate.canonical, value: candidate.value, depth: candidate.depth ?? null, claim: { recorded_at: at, source: job, client: this.id } };
      mutations = [put, { type: 'add-sighting', registry: candidate.registry, base, record: recordId(put), source: job, seen_at: at }];
    }
    mutations.push({ type: 'put-job', record: { id: job, created_at: at } });
    this.write(mutations);
    return mutations;
  }

  /** Apply and queue, together (the Dexie store does both in one transaction). */
  write(mutations: RegistryMutation[]): void {
    applyMutationsInPlace(this.state, mutations);
    for (const mutation of mutations) this.rows.push({ id: this.nextId++, mutation });
  }

  async clientId() {
    return this.id;
  }
  async outbox(limit: number) {
    return this.rows.slice(0, limit);
  }
  async pendingCount() {
    return this.rows.length;
  }
  async acknowledge(upTo: number) {
    this.rows = this.rows.filter((r) => r.id > upTo);
  }
  async cursor() {
    return this.pulledTo;
  }
  async applyPulled(mutations: RegistryMutation[], cursor: number) {
    applyMutationsInPlace(this.state, mutations);
    this.pulledTo = cursor;
  }
}
