import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of frontend/: every frontend/**/*.test.ts, in Node, whose WebCrypto
// (globalThis.crypto.subtle) is the one the browser code uses.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['frontend/**/*.test.ts'],
    exclude: ['frontend/generated/**', '**/node_modules/**'],
    environment: 'node',
  },
});
