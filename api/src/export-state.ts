// The registries as the app exports them, from a merge-rule state: the origin primitives every
// store starts from, §10 diagnostics and the `motion-registries/1` file in the app's order. Pure.
import { assembleExport, diagnosticsOf as diagnosticsFrom } from '../../src/core/registry/assemble-export.ts';
import type { Diagnostics } from '../../src/core/registry/export-records.ts';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { ORIGIN_CLAIM, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import type { Known } from '../../src/core/registry/plan-growth.ts';
import { RegistryIndex } from '../../src/core/registry/registry-index.ts';
import { originPrimitives } from '../../src/core/registry/origin-primitives.ts';
import { applyMutationsInPlace, emptyState, type RegistryState } from '../../src/core/registry/registry-state.ts';

/** The origin primitives as put-entry mutations: every store starts from them, so the server does too. */
export function primitiveMutations(): RegistryMutation[] {
  return originPrimitives().map((p) => ({
    type: 'put-entry', registry: p.registry, base: p.name, name: p.name, origin: 'primitive', canonical: p.canonical,
    value: p.value, depth: p.depth, claim: ORIGIN_CLAIM,
  }));
}

/** A fresh state holding only the origin primitives. */
export function seededState(): RegistryState {
  const state = emptyState();
  applyMutationsInPlace(state, primitiveMutations());
  return state;
}

/** §10 diagnostics of a state. */
export function diagnosticsOf(state: RegistryState): Diagnostics {
  return diagnosticsFrom([...state.jobs.keys()], [...state.learning.values()], [...state.discovery.keys()]);
}

/** The state as a `motion-registries/1` export, through the app's own assembler (the same file the app exports). */
export function exportOfState(state: RegistryState, now: string): RegistriesExport {
  return assembleExport({
    entries: [...state.entries.values()],
    narrativeIntended: [...state.narrative_intended.values()],
    narrativeObserved: [...state.narrative_observed.values()],
    interpretation: [...state.interpretation.values()],
    linguistic: [...state.linguistic.values()],
    jobs: [...state.jobs.values()],
    learning: [...state.learning.values()],
    discovery: [...state.discovery.values()],
  }, now);
}

/** What the core planner needs to know, from a state: every entry indexed (the planner updates its copies, not the state's). */
export function knownOfState(state: RegistryState, client: string): Known {
  const index = new RegistryIndex([...state.entries.values()].map((e) => ({ ...e, sources: [...e.sources], record: e.records[0] ?? '' })));
  return { index, client, linguistic: state.linguistic };
}
