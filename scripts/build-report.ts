// A vite plugin that prints the gzip size of every emitted JS/CSS file and, per manifest entry,
// the total of the entry plus the chunks it imports statically (what the browser actually loads).
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  fileName: string;
  gzip: number;
  imports: string[];
  isEntry: boolean;
  facadeModuleId?: string | null;
}

/** Gzip size of `code` in bytes, at the level servers and stores use. */
export function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

/** Sum of an entry and every chunk it statically imports (each counted once). */
export function entryClosure(entry: string, chunks: Map<string, ChunkInfo>): number {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
  };
  visit(entry);
  let total = 0;
  for (const name of seen) total += chunks.get(name)?.gzip ?? 0;
  return total;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function buildReport(
  options: { label?: string; budgets?: Record<string, number> } = {},
): Plugin {
  return {
    name: 'saml-roles:build-report',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      const lines: string[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') {
          chunks.set(item.fileName, {
            fileName: item.fileName,
            gzip: gzipSize(item.code),
            imports: item.imports,
            isEntry: item.isEntry,
            facadeModuleId: item.facadeModuleId,
          });
        } else if (item.fileName.endsWith('.css') || item.fileName.endsWith('.html')) {
          lines.push(`  ${item.fileName.padEnd(48)} ${kb(gzipSize(item.source)).padStart(9)} gzip`);
        }
      }
      for (const chunk of chunks.values()) {
        lines.push(`  ${chunk.fileName.padEnd(48)} ${kb(chunk.gzip).padStart(9)} gzip`);
      }
      lines.sort();
      const entries: string[] = [];
      const totals: Record<string, number> = {};
      for (const chunk of chunks.values()) {
        if (!chunk.isEntry || !chunk.facadeModuleId) continue;
        const name = chunk.facadeModuleId.replace(/^.*\/src\//, 'src/');
        totals[name] = entryClosure(chunk.fileName, chunks);
        entries.push(`  ${name.padEnd(48)} ${kb(totals[name]).padStart(9)} gzip with imports`);
      }
      const title = options.label
        ? `Bundle sizes, ${options.label} (gzip -9)`
        : 'Bundle sizes (gzip -9)';
      console.log(`\n${title}:\n${lines.join('\n')}\n${entries.sort().join('\n')}`);
      for (const [label, budget] of Object.entries(options.budgets ?? {})) {
        const parts = label.split('+');
        const sum = parts.reduce((acc, part) => {
          const match = Object.keys(totals).find((k) => k.includes(part));
          return acc + (match ? totals[match]! : 0);
        }, 0);
        const verdict = sum <= budget ? 'within' : 'OVER';
        console.log(`  ${label}: ${kb(sum)} (${verdict} budget ${kb(budget)})`);
        // A budget that only prints can be ignored; the build, and so npm test, fails instead.
        if (sum > budget)
          this.error(`${label} is ${kb(sum)} gzipped, over its budget of ${kb(budget)}`);
      }
    },
  };
}
