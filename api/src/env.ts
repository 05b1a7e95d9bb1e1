// The Worker's bindings (wrangler.jsonc) and secrets.

/** What the Worker is given: the D1 database, the tokens (secrets) and the plain settings. */
export interface Env {
  DB: D1Database;
  /** Token for writes (and reads). Required. */
  WRITE_TOKEN?: string;
  /** Optional token for reads only. */
  READ_TOKEN?: string;
  /** The app's origin: the only origin CORS answers. */
  APP_ORIGIN?: string;
  /** Body size limit in bytes (default 1 MiB). */
  MAX_BODY_BYTES?: string;
}
