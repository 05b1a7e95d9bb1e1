// Path-precise checks of request bodies: each throws HttpError(400) naming the JSON path that is wrong.
import { HttpError } from './http.ts';

/** A plain JSON object (not an array, not null). */
export type Obj = Record<string, unknown>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `value` as an object, or a 400 at `path`; keys that could reach a prototype are refused. */
export function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, `expected an object, got ${kind(value)}`, path);
  for (const k of Object.keys(value)) if (FORBIDDEN_KEYS.has(k)) throw new HttpError(400, `key ${JSON.stringify(k)} is not allowed`, `${path}.${k}`);
  return value as Obj;
}

/** `value` as an array of at most `max` items, or a 400 at `path`. */
export function arr(value: unknown, path: string, max: number, min = 0): unknown[] {
  if (!Array.isArray(value)) throw new HttpError(400, `expected an array, got ${kind(value)}`, path);
  if (value.length > max) throw new HttpError(400, `at most ${max} items, got ${value.length}`, path);
  if (value.length < min) throw new HttpError(400, `at least ${min} item(s), got ${value.length}`, path);
  return value;
}

/** A non-empty string of at most `max` characters. */
export function str(value: unknown, path: string, max = 200): string {
  if (typeof value !== 'string') throw new HttpError(400, `expected a string, got ${kind(value)}`, path);
  if (value.length === 0) throw new HttpError(400, 'must not be empty', path);
  if (value.length > max) throw new HttpError(400, `at most ${max} characters, got ${value.length}`, path);
  return value;
}

/** An integer in [min, max]. */
export function int(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new HttpError(400, `expected an integer, got ${kind(value)}`, path);
  if (value < min || value > max) throw new HttpError(400, `must be between ${min} and ${max}, got ${value}`, path);
  return value;
}

/** A finite number in [min, max]. */
export function num(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HttpError(400, `expected a finite number, got ${kind(value)}`, path);
  if (value < min || value > max) throw new HttpError(400, `must be between ${min} and ${max}, got ${value}`, path);
  return value;
}

/** One of the allowed strings. */
export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new HttpError(400, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`, path);
  }
  return value as T;
}

/** An ISO-8601 UTC timestamp as Date.toISOString writes it. */
export function iso(value: unknown, path: string): string {
  const s = str(value, path, 40);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(s) || Number.isNaN(Date.parse(s))) throw new HttpError(400, `expected an ISO-8601 UTC time, got ${JSON.stringify(s)}`, path);
  return s;
}

/** Refuse keys other than `allowed` (a typo must not be silently dropped). */
export function onlyKeys(o: Obj, path: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new HttpError(400, `unknown field (allowed: ${allowed.join(', ')})`, `${path}.${k}`);
}

/** JSON nesting depth of a value, stopping once past `max` (no recursion: a hostile body cannot blow the stack). */
export function nestingProblem(value: unknown, max: number): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '$' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, depth: depth + 1, path: `${path}.${k}` });
  }
  return null;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
