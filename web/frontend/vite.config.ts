/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The dashboard. `npm run build` (run by Maven's web module) writes it into the module's classes, where the web
// role serves it: index.html for every client-side route, hashed files under /assets. `npm run dev` proxies API
// calls to a Parley started with `./parley run`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/web/app',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/chat': 'http://localhost:8080',
      '/widget.js': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    globals: true,
    // shared, busy machines: a user-event heavy test may take several seconds
    testTimeout: 30_000,
  },
})
