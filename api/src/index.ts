// The sync API Worker: CORS, bearer auth, body limits, then one handler per route (README "Sync API").
import { authorize, type Access } from './auth.ts';
import { originAllowed, preflight, withCors } from './cors.ts';
import type { Env } from './env.ts';
import { errorResponse, HttpError, readJson } from './http.ts';
import { DEFAULT_MAX_BODY_BYTES, MAX_NESTING } from './limits.ts';
import { diagnostics, discoveries, interpretations, interpretQueue, learning, linguisticBatch, patchInterpretation, registries } from './routes/records.ts';
import { pull, push } from './routes/sync.ts';
import { nestingProblem } from './validate.ts';

/** What a route handler gets: the parsed body (for writes), the URL, the route's parameters. */
interface RouteContext {
  env: Env;
  url: URL;
  body: unknown;
  params: Record<string, string>;
  now: string;
}

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  pattern: RegExp;
  names: string[];
  access: Access;
  handle: (ctx: RouteContext) => Promise<Response>;
}

const routes: Route[] = [
  { method: 'POST', pattern: /^\/api\/sync\/push$/, names: [], access: 'write', handle: (c) => push(c.env.DB, c.body, c.now) },
  { method: 'GET', pattern: /^\/api\/sync\/pull$/, names: [], access: 'read', handle: (c) => pull(c.env.DB, c.url) },
  { method: 'GET', pattern: /^\/api\/registries$/, names: [], access: 'read', handle: (c) => registries(c.env.DB, c.now) },
  { method: 'POST', pattern: /^\/api\/knowledge\/discoveries$/, names: [], access: 'write', handle: (c) => discoveries(c.env.DB, c.body, c.now) },
  { method: 'POST', pattern: /^\/api\/learning$/, names: [], access: 'write', handle: (c) => learning(c.env.DB, c.body, c.now) },
  { method: 'POST', pattern: /^\/api\/interpretations$/, names: [], access: 'write', handle: (c) => interpretations(c.env.DB, c.body, c.now) },
  { method: 'GET', pattern: /^\/api\/interpret\/queue$/, names: [], access: 'read', handle: (c) => interpretQueue(c.env.DB, c.url) },
  { method: 'PATCH', pattern: /^\/api\/interpret\/([^/]+)$/, names: ['id'], access: 'write', handle: (c) => patchInterpretation(c.env.DB, c.params.id ?? '', c.body, c.now) },
  { method: 'POST', pattern: /^\/api\/linguistic-registry\/batch$/, names: [], access: 'write', handle: (c) => linguisticBatch(c.env.DB, c.body, c.now) },
  { method: 'GET', pattern: /^\/api\/diagnostics$/, names: [], access: 'read', handle: (c) => diagnostics(c.env.DB) },
];

function bodyLimit(env: Env): number {
  const n = Number(env.MAX_BODY_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_BODY_BYTES;
}

async function handle(request: Request, env: Env): Promise<Response> {
  if (!originAllowed(request, env)) throw new HttpError(403, `origin ${JSON.stringify(request.headers.get('origin'))} is not allowed`);
  if (request.method === 'OPTIONS') return preflight(request, env);
  const url = new URL(request.url);
  const matching = routes.filter((r) => r.pattern.test(url.pathname));
  if (matching.length === 0) throw new HttpError(404, `no route ${url.pathname}`);
  const route = matching.find((r) => r.method === request.method);
  if (!route) throw new HttpError(405, `${request.method} is not allowed on ${url.pathname} (allowed: ${matching.map((r) => r.method).join(', ')})`);
  // Auth before reading a byte of the body: an unauthenticated client learns nothing about it.
  authorize(request, route.access, { read: env.READ_TOKEN, write: env.WRITE_TOKEN });
  let body: unknown = null;
  if (route.method !== 'GET') {
    body = await readJson(request, bodyLimit(env));
    const deep = nestingProblem(body, MAX_NESTING);
    if (deep) throw new HttpError(400, `nested deeper than ${MAX_NESTING} levels`, deep);
  }
  const m = route.pattern.exec(url.pathname);
  const params: Record<string, string> = {};
  route.names.forEach((n, i) => (params[n] = decodeURIComponent(m?.[i + 1] ?? '')));
  return route.handle({ env, url, body, params, now: new Date().toISOString() });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    let response: Response;
    try {
      response = await handle(request, env);
    } catch (err) {
      response = errorResponse(err);
    }
    return withCors(response, request, env);
  },
} satisfies ExportedHandler<Env>;
