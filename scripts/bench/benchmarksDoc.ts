// The benchmarks write their figures into docs/BENCHMARKS.md, each between its own markers, so a run replaces only its
// section and the others stay as measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCHMARKS_FILE = join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md');

/** Replaces (or appends) the section between `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->`. */
export function writeBenchmarkSection(id: string, lines: readonly string[]): void {
  const section = [`<!-- bench:${id}:start -->`, ...lines, `<!-- bench:${id}:end -->`].join('\n');
  const current = readFileSync(BENCHMARKS_FILE, 'utf8');
  const pattern = new RegExp(`<!-- bench:${id}:start -->[\\s\\S]*?<!-- bench:${id}:end -->`);
  const updated = pattern.test(current) ? current.replace(pattern, () => section) : `${current.replace(/\s*$/, '')}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_FILE, updated);
  console.log(`Wrote the "${id}" section of ${BENCHMARKS_FILE}.`);
}
