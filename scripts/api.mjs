// `npm run api`: the sync API on 127.0.0.1 with a local D1 (wrangler dev --local), migrations applied
// first; prints the URL and a development token. Options: --port N (default 8787), --persist DIR
// (default .db/api), --token T (default: the one kept in DIR/dev-token, made on first run).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(import.meta.dirname, '..');
const persist = resolve(opt('persist', join(root, '.db/api')));
const port = Number(opt('port', '8787'));
const origin = opt('origin', 'http://127.0.0.1:4173');
mkdirSync(persist, { recursive: true });
const tokenFile = join(persist, 'dev-token');
if (!existsSync(tokenFile)) writeFileSync(tokenFile, `dev-${randomBytes(18).toString('base64url')}\n`);
const token = opt('token', readFileSync(tokenFile, 'utf8').trim());

const wrangler = join(root, 'node_modules/.bin/wrangler');
const config = join(root, 'api/wrangler.jsonc');
// No telemetry and no update check: `npm run api` works offline.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn' };

const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist, '--config', config], { env, encoding: 'utf8', input: 'y\n' });
if (migrate.status !== 0) {
  process.stderr.write(migrate.stdout + migrate.stderr);
  console.error('npm run api: applying the D1 migrations failed (above)');
  process.exit(1);
}

const dev = spawn(wrangler, [
  'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--config', config,
  '--var', `WRITE_TOKEN:${token}`, '--var', `APP_ORIGIN:${origin}`, '--show-interactive-dev-session=false',
], { env, stdio: ['ignore', 'pipe', 'inherit'] });

const url = `http://127.0.0.1:${port}`;
dev.stdout.pipe(process.stderr);
// Ready when it answers (a 401 without a token is an answer).
for (let i = 0; i < 600; i++) {
  if (dev.exitCode !== null) break;
  try {
    await fetch(`${url}/api/diagnostics`);
    console.log(`Sync API: ${url}\nToken:    ${token}\nD1:       ${persist} (local)\nTry:      curl -H "Authorization: Bearer ${token}" ${url}/api/diagnostics`);
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
const stop = () => dev.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));
