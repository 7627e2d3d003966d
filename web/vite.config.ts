/// <reference types="vitest" />
import { defineConfig } from 'vite';

// No React plugin: esbuild compiles TSX with the automatic JSX runtime, which keeps the
// dependency tree small (no Babel). Fast refresh is the only thing given up.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
  },
  server: {
    // `npm run dev` against a server started with `allmende serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
