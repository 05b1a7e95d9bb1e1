// Responses and the one error type every route throws: status, JSON path (for 400s) and a message.

/** An error that becomes an HTTP response: `{error: {status, path?, message}}`. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly path: string | null = null) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** A JSON response with the given status and extra headers. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** The response of an HttpError (or of anything else thrown, as a 500 without internals). */
export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) {
    return json({ error: { status: err.status, path: err.path, message: err.message } }, err.status);
  }
  console.error(err);
  return json({ error: { status: 500, path: null, message: 'internal error' } }, 500);
}

/**
 * The body as JSON, refused with 413 past `limit` bytes (Content-Length first, then counted while
 * reading, because a chunked body has no length) and with 400 when it is not JSON.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `body of ${declared} bytes is over the limit of ${limit}`);
  const reader = request.body?.getReader();
  if (!reader) throw new HttpError(400, 'a JSON body is required', '$');
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `body is over the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw new HttpError(400, 'a JSON body is required', '$');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `not JSON (${err instanceof Error ? err.message : String(err)})`, '$');
  }
}
