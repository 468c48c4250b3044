import { defineConfig } from 'vite';

/**
 * The board is built into dist/web and served by the API's own process, so every request stays on one origin.
 * React-only libraries (dnd-kit) run on Preact through its compatibility layer.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: {
      react: 'preact/compat',
      'react-dom': 'preact/compat',
      'react/jsx-runtime': 'preact/jsx-runtime',
    },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No inline module-preload polyfill: the CSP allows scripts from this origin's files only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
