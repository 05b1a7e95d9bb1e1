// A sync client whose store is in memory: the real sync engine and merge rule over a RegistryState,
// with an outbox written in the same step as the change (as the app's Dexie store does).
import type { Candidate } from '../../src/core/registry/identity.ts';
import type { RegistryMutation } from '../../src/core/registry/mutations.ts';
import { planSightings } from '../../src/core/registry/plan-growth.ts';
import { applyMutationsInPlace, type RegistryState } from '../../src/core/registry/registry-state.ts';
import type { SyncStore } from '../../src/sync/sync-engine.ts';
import { knownOfState, seededState } from '../../api/src/export-state.ts';

/** One browser profile, in memory. */
export class MemoryClient implements SyncStore {
  state: RegistryState = seededState();
  rows: { id: number; mutation: RegistryMutation }[] = [];
  private nextId = 1;
  private pulledTo = 0;

  constructor(readonly id: string) {}

  /** Record a job's sighting of one value with the app's planner, and the job record. */
  discover(candidate: Candidate, job: string, at: string): RegistryMutation[] {
    const mutations: RegistryMutation[] = [...planSightings(knownOfState(this.state, this.id), [candidate], job, at).mutations];
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
