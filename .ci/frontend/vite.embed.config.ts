import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// /embed.js, the host script for portals: frontend/embed/embed-host.ts as one classic script that
// defines the global E2eeCall. Built here rather than in Vaadin's bundle, where every output file
// gets a hashed name: a portal needs a fixed address. The output is committed, like the bundles;
// .ci/check-frontend fails when it is stale. EMBED_OUT_DIR lets that check build elsewhere.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: process.env.EMBED_OUT_DIR ?? 'src/main/resources/embed',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'frontend/embed/embed-host.ts',
      name: 'E2eeCall',
      formats: ['iife'],
      fileName: () => 'embed.js',
    },
  },
});
