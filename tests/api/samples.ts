// Mutations for the protocol tests (INTERIM shape until the core mutation union lands).
export function sampleMutation(client: string, i: number): Record<string, unknown> {
  return { type: 'sample', client, i };
}
