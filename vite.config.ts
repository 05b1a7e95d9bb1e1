import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';

/** After a build, write the Workbox service worker into the output directory (scripts/build-sw.mjs). */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'motion-registries-sw',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // @ts-expect-error: a plain .mjs script without types
      const { buildServiceWorker } = await import('./scripts/build-sw.mjs');
      await buildServiceWorker(outDir);
    },
  };
}

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        headless: resolve(import.meta.dirname, 'headless.html'),
      },
    },
  },
  plugins: [serviceWorker()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
