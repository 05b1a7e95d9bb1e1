// Bearer tokens (Worker secrets): reads accept the read or the write token, writes only the write token.
import { HttpError } from './http.ts';

/** What a request may do. */
export type Access = 'read' | 'write';

/** Equal strings in time that does not depend on where they differ. */
function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Throws 401 unless the request carries a token good for `need`; 500 when no token is configured. */
export function authorize(request: Request, need: Access, tokens: { read?: string | undefined; write?: string | undefined }): void {
  if (!tokens.write) throw new HttpError(500, 'the server has no WRITE_TOKEN secret configured');
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
  const given = m[1];
  const ok = sameSecret(given, tokens.write) || (need === 'read' && tokens.read !== undefined && tokens.read !== '' && sameSecret(given, tokens.read));
  if (!ok) throw new HttpError(401, need === 'write' ? 'token is not valid for writing' : 'token is not valid');
}
