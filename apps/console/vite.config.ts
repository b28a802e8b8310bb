/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// `vite` (nx serve console) serves the console with hot reload and sends API calls to the gateway
// of `npm start`; `vite build` writes dist/apps/console, which the gateway serves.
export default defineConfig({
  root: __dirname,
  cacheDir: fromRoot('node_modules/.vite/console'),
  plugins: [react()],
  resolve: {
    alias: { '@akimat/contracts/browser': fromRoot('libs/contracts/src/browser.ts') },
  },
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: { '/svc': 'http://127.0.0.1:8080', '/auth': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: fromRoot('dist/apps/console'),
    emptyOutDir: true,
    reportCompressedSize: true,
    // Maps for debugging a build, not referenced from the served files.
    sourcemap: 'hidden',
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    reporters: ['default'],
  },
});
