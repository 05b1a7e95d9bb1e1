// Exits 0 when Chromium (and ffmpeg) are here, installing them as root; else one line on how.
import { ensureDebianPackages, TEST_PACKAGES } from './chromium.mjs';

try {
  ensureDebianPackages(TEST_PACKAGES);
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(1);
}
