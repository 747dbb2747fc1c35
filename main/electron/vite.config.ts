// Bundles the Electron main process (ESM) and, with `--mode preload`, the sandboxed
// preload (which must be one CommonJS file) into dist/electron. Dependencies stay
// external: electron-builder ships them in node_modules.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from '../../package.json' with { type: 'json' };

const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    root: new URL('../..', import.meta.url).pathname,
    publicDir: false,
    build: {
      outDir: 'dist/electron',
      emptyOutDir: !preload,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: preload
        ? { entry: 'preload/index.ts', formats: ['cjs'], fileName: () => 'preload.cjs' }
        : {
            entry: { main: 'main/electron/main.ts', worker: 'main/engine/worker.ts' },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
      rollupOptions: { external },
    },
  };
});
