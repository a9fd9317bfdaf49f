// Builds the CLI to plain JavaScript in dist-cli/ (`npm run build`), so the installed package
// starts without tsx: one ESM entry for src/cli/main.ts, plus a chunk per lazily imported command.
// Dependencies stay external (installed beside it by npm), Node built-ins too.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
