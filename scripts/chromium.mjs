// Where the system Chromium is, and the flags every headless run here needs.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Flags for headless Chromium on a machine with no network but loopback and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** CHROME_PATH when set, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * Make sure Debian packages are present: installs them with apt-get when running as root,
 * otherwise throws one line that says how.
 */
export function ensureDebianPackages(packages) {
  const missing = packages.filter((p) => !commandFor(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing ${missing.map((p) => p.name).join(', ')}: run "sudo apt-get install -y ${missing.map((p) => p.apt).join(' ')}" (or set CHROME_PATH to a Chromium binary)`);
  }
  process.stderr.write(`installing ${missing.map((p) => p.apt).join(' ')} with apt-get…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing.map((p) => p.apt)], { stdio: 'inherit', env });
}

function commandFor(p) {
  if (p.name === 'chromium') return existsSync(chromiumPath());
  try {
    execFileSync('sh', ['-c', `command -v ${p.name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What the tests and the CLI need from Debian. */
export const TEST_PACKAGES = [
  { name: 'chromium', apt: 'chromium' },
  { name: 'ffprobe', apt: 'ffmpeg' },
];
