import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Relative asset paths: the same build is served from app://renderer/ in Electron and
// from http://127.0.0.1:<port>/ in browser mode.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  plugins: [svelte({ configFile: new URL('../svelte.config.js', import.meta.url).pathname })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
  },
});
