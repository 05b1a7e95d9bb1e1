// Invariant checks (after Mediabunny's misc.ts): `assert` where code relies on something that must hold, instead of
// a `!` that would let a broken invariant run on as undefined; `assertNever` closes an exhaustive switch.

/** An invariant of the code did not hold: a bug, never a user's mistake (bad input gets a TypeError or a named error). */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

/** Throw AssertionError (`message` says which invariant) unless `condition` holds; narrows its type after. */
export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** The `default` of an exhaustive switch: a compile error when a case is missing, and a throw should one slip through. */
export function assertNever(value: never, what = 'value'): never {
  throw new AssertionError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
