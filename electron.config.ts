import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for every face: the Electron shell (main + preload), the headless `serve` entry that
// runs the same core in plain Node, and the renderer pages the core serves over HTTP.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          serve: resolve(root, 'src/main/serve.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    // Kept in step with `paths` in tsconfig.web.json and the alias in vitest.config.ts.
    resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The pages are served to tablets on the studio network and to OBS: keep them small.
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html'), overlay: resolve(root, 'src/renderer/overlay.html'), host: resolve(root, 'src/renderer/host.html') }
      }
    }
  }
});
