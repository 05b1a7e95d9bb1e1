// Every bound the API keeps (D1's limits and ours), in one place so docs and tests read the same numbers.

/** D1 refuses a statement with more than 100 bound parameters. */
export const MAX_BOUND_PARAMS = 100;
/** Mutations in one push (a client with more sends several pushes). */
export const MAX_PUSH_MUTATIONS = 200;
/** Log rows in one pull page. */
export const MAX_PULL_LIMIT = 1000;
/** Default log rows in one pull page. */
export const DEFAULT_PULL_LIMIT = 500;
/** Items in one plain-route batch (discoveries, interpretations, linguistic mappings). */
export const MAX_RECORDS = 500;
/** One mutation, serialised: a job record carries its analysis (~0.5 MB for a few seconds of video); D1 stores at most 2,000,000 bytes a row. */
export const MAX_MUTATION_BYTES = 1_900_000;
/** JSON nesting of a body. */
export const MAX_NESTING = 32;
/** Body size when MAX_BODY_BYTES is not configured (clients keep a push under 2 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Statements in one D1 batch() (the free plan allows 50 queries an invocation; we stay well under). */
export const MAX_BATCH_STATEMENTS = 40;
