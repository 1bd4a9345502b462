import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The home route's budget for JavaScript loaded before any lazy import (issue 8). */
const INITIAL_JS_BUDGET_BYTES = 350 * 1024;

interface ChunkFacts {
  readonly code: string;
  readonly imports: readonly string[];
  readonly isEntry: boolean;
}

/**
 * Reports the gzipped size of the chunks the browser loads before any dynamic import, prints it and
 * writes bundle-size.json beside index.html so tests can hold the build to the budget.
 */
function initialBundleReport(): Plugin {
  return {
    name: 'borderlink-initial-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkFacts>();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(fileName, output);
      }
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const [fileName, chunk] of chunks) if (chunk.isEntry) visit(fileName);
      const files = [...initial].map((fileName) => ({
        file: fileName,
        gzipBytes: gzipSync(chunks.get(fileName)?.code ?? '', { level: 9 }).length,
      }));
      const initialJsGzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      const report = { initialJsGzipBytes, budgetBytes: INITIAL_JS_BUDGET_BYTES, files };
      this.emitFile({
        type: 'asset',
        fileName: 'bundle-size.json',
        source: `${JSON.stringify(report, null, 2)}\n`,
      });
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
      this.info(
        `initial JS for the home route: ${kib(initialJsGzipBytes)} gzipped (budget ${kib(INITIAL_JS_BUDGET_BYTES)}) ` +
          `in ${files.length} chunk(s)`,
      );
      if (initialJsGzipBytes > INITIAL_JS_BUDGET_BYTES) {
        this.warn(`initial JS exceeds the budget by ${kib(initialJsGzipBytes - INITIAL_JS_BUDGET_BYTES)}`);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), initialBundleReport()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map chunk is large by nature (MapLibre + Natural Earth); it loads lazily, so only warn far above it.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
