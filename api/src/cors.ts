// CORS for the configured app origin only: any other origin gets no CORS headers (and a 403 on preflight).
import type { Env } from './env.ts';
import { HttpError } from './http.ts';

/** Whether the request's Origin (if any) is the app's. Requests without Origin (CLI, scripts) are not browsers' cross-origin calls. */
export function originAllowed(request: Request, env: Env): boolean {
  const origin = request.headers.get('origin');
  return origin === null || (env.APP_ORIGIN !== undefined && origin === env.APP_ORIGIN);
}

/** The CORS headers for an allowed Origin, none otherwise. */
export function corsHeaders(request: Request, env: Env): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null || !env.APP_ORIGIN || origin !== env.APP_ORIGIN) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** Answer a preflight: 204 for the app's origin, 403 for any other. */
export function preflight(request: Request, env: Env): Response {
  const headers = corsHeaders(request, env);
  if (!('access-control-allow-origin' in headers)) throw new HttpError(403, `origin ${JSON.stringify(request.headers.get('origin'))} is not allowed`);
  return new Response(null, { status: 204, headers });
}

/** A copy of `response` with the CORS headers added. */
export function withCors(response: Response, request: Request, env: Env): Response {
  const headers = corsHeaders(request, env);
  if (Object.keys(headers).length === 0) return response;
  const out = new Response(response.body, response);
  for (const [k, v] of Object.entries(headers)) out.headers.set(k, v);
  return out;
}
