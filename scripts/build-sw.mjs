// The service worker: Workbox generateSW over the built app, precaching every asset (HTML, JS incl.
// workers, wasm, icons, manifest) so that after one visit the app starts and runs the loop offline.
// Run after `vite build` (the Vite plugin in vite.config.ts does it), or: node scripts/build-sw.mjs [DIST]
import { generateSW } from 'workbox-build';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Write DIST/sw.js; returns the precache size. */
export async function buildServiceWorker(dist) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,mjs,css,wasm,onnx,webmanifest,json,svg,png,ico,woff2}'],
    globIgnores: ['sw.js', 'workbox-*.js', '**/*.map'],
    swDest: resolve(dist, 'sw.js'),
    // Big enough for the codec wasm; the default 2 MiB would silently leave it out.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/headless/],
    // The page asks before a new version takes over (sw-register.ts shows the prompt).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    sourcemap: false,
    inlineWorkboxRuntime: true,
  });
  for (const w of warnings) console.warn(`build-sw: ${w}`);
  return { count, size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? process.env.MR_DIST ?? 'dist');
  const { count, size } = await buildServiceWorker(dist);
  console.log(`build-sw: ${dist}/sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KiB`);
}
