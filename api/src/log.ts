// The sync log in D1: append a client's mutations exactly once, append plain-route records once by
// digest, read pages after a version. Statements keep to ≤ 100 bound parameters.
import { HttpError } from './http.ts';
import { MAX_BATCH_STATEMENTS, MAX_BOUND_PARAMS } from './limits.ts';

/** One row of the log as pull returns it. */
export interface LoggedMutation {
  version: number;
  client_id: string;
  mutation_id: number | null;
  mutation: unknown;
}

/** One mutation a client pushes. */
export interface ClientMutation {
  mutation_id: number;
  body: string;
}

/** The last mutation id applied for `clientId` (0 before its first). */
export async function lastApplied(db: D1Database, clientId: string): Promise<number> {
  const row = await db.prepare('SELECT last_mutation_id AS last FROM clients WHERE client_id = ?1').bind(clientId).first<{ last: number }>();
  return row?.last ?? 0;
}

/** Rows per multi-row INSERT given fixed and per-row parameter counts, within MAX_BOUND_PARAMS. */
export function rowsPerStatement(fixed: number, perRow: number): number {
  return Math.floor((MAX_BOUND_PARAMS - fixed) / perRow);
}

/**
 * Append `mutations` (ids already contiguous after the client's last applied id) and move the
 * client's last id, in ONE batch(): both happen or neither. INSERT OR IGNORE on (client_id,
 * mutation_id) and MAX() on the last id make a concurrent duplicate push a no-op.
 */
export async function appendClientMutations(db: D1Database, clientId: string, mutations: ClientMutation[], now: string): Promise<void> {
  if (mutations.length === 0) return;
  const per = rowsPerStatement(2, 2);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < mutations.length; i += per) {
    const chunk = mutations.slice(i, i + per);
    const values = chunk.map((_, j) => `(?1, ?${3 + 2 * j}, ?${4 + 2 * j}, ?2)`).join(', ');
    const params: unknown[] = [clientId, now];
    for (const m of chunk) params.push(m.mutation_id, m.body);
    statements.push(db.prepare(`INSERT OR IGNORE INTO mutations (client_id, mutation_id, body, received_at) VALUES ${values}`).bind(...params));
  }
  const last = mutations[mutations.length - 1]!.mutation_id;
  statements.push(db.prepare(
    `INSERT INTO clients (client_id, last_mutation_id, updated_at) VALUES (?1, ?2, ?3)
     ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = MAX(last_mutation_id, excluded.last_mutation_id), updated_at = excluded.updated_at`,
  ).bind(clientId, last, now));
  if (statements.length > MAX_BATCH_STATEMENTS) throw new HttpError(400, `too many mutations for one batch (${mutations.length})`, '$.mutations');
  await db.batch(statements);
}

/** SHA-256 of a string, hex. */
export async function digestOf(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Statements appending records from the plain routes (client `api`, no mutation id), each at most
 * once by the digest of its body: the same record posted twice is logged once. Returned, not run, so
 * a route can put them in one batch() with its own statements.
 */
export async function recordStatements(db: D1Database, bodies: string[], now: string): Promise<D1PreparedStatement[]> {
  const per = rowsPerStatement(1, 2);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < bodies.length; i += per) {
    const chunk = bodies.slice(i, i + per);
    const values = chunk.map((_, j) => `('api', NULL, ?${2 + 2 * j}, ?${3 + 2 * j}, ?1)`).join(', ');
    const params: unknown[] = [now];
    for (const b of chunk) params.push(await digestOf(b), b);
    statements.push(db.prepare(`INSERT OR IGNORE INTO mutations (client_id, mutation_id, digest, body, received_at) VALUES ${values}`).bind(...params));
  }
  return statements;
}

/** Run statements as one batch() (all or nothing), refusing more than D1 should take at once. */
export async function runBatch(db: D1Database, statements: D1PreparedStatement[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length > MAX_BATCH_STATEMENTS) throw new HttpError(400, `too many records for one request (${statements.length} statements)`, '$');
  await db.batch(statements);
}

/** Log rows after `cursor`, oldest first, at most `limit`. */
export async function readLog(db: D1Database, cursor: number, limit: number): Promise<LoggedMutation[]> {
  const { results } = await db.prepare('SELECT version, client_id, mutation_id, body FROM mutations WHERE version > ?1 ORDER BY version LIMIT ?2')
    .bind(cursor, limit).all<{ version: number; client_id: string; mutation_id: number | null; body: string }>();
  return results.map((r) => ({ version: r.version, client_id: r.client_id, mutation_id: r.mutation_id, mutation: JSON.parse(r.body) as unknown }));
}

/** The newest version in the log (0 when empty). */
export async function headVersion(db: D1Database): Promise<number> {
  const row = await db.prepare('SELECT COALESCE(MAX(version), 0) AS head FROM mutations').first<{ head: number }>();
  return row?.head ?? 0;
}
