// A small glob expander over node:fs (Node 20 has no stable fs.glob). Supports *, ?, [...], ** and {a,b}, with
// / as the separator on every platform. Walking with * or ** skips dot folders and node_modules unless the pattern
// names them, which is what people expect from `acg validate '**/*.acg-plan.json'` in a repository.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, parse } from 'node:path';

const MAGIC = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** `a{b,c}d` → `abd`, `acd` (nested braces included). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const bounds = [open, ...commas, i];
      const options = bounds.slice(0, -1).map((start, k) => pattern.slice(start + 1, bounds[k + 1]));
      const rest = pattern.slice(i + 1);
      return options.flatMap((option) => expandBraces(pattern.slice(0, open) + option + rest));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDirectory(path: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hidden(name: string, segment: string): boolean {
  return (name.startsWith('.') && !segment.startsWith('.')) || (name === 'node_modules' && segment !== 'node_modules');
}

function walk(dir: string, shown: string, segments: readonly string[], found: Set<string>): void {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments;
  if (segment === '**') {
    walk(dir, shown, rest, found);
    for (const entry of entries(dir)) {
      const path = join(dir, entry.name);
      if (hidden(entry.name, '') || !isDirectory(path, entry)) continue;
      walk(path, shown === '' ? entry.name : `${shown}/${entry.name}`, segments, found);
    }
    return;
  }
  if (!isGlob(segment)) {
    const path = join(dir, segment);
    const next = shown === '' ? segment : `${shown}/${segment}`;
    if (rest.length === 0) {
      try {
        if (statSync(path).isFile()) found.add(next);
      } catch {
        // no such file: no match
      }
    } else walk(path, next, rest, found);
    return;
  }
  const matcher = segmentRegExp(segment);
  for (const entry of entries(dir)) {
    if (hidden(entry.name, segment) || !matcher.test(entry.name)) continue;
    const path = join(dir, entry.name);
    const next = shown === '' ? entry.name : `${shown}/${entry.name}`;
    if (rest.length === 0) {
      if (!isDirectory(path, entry)) found.add(next);
    } else if (isDirectory(path, entry)) walk(path, next, rest, found);
  }
}

/**
 * The files a pattern matches, relative to `cwd` when the pattern is (and absolute when it is), sorted. Files only:
 * a pattern that matches a folder matches nothing there.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const expanded of expandBraces(pattern.replace(/\\/g, '/'))) {
    const root = isAbsolute(expanded) ? parse(expanded).root : '';
    const segments = expanded.slice(root.length).split('/').filter((s, i) => s !== '' && !(s === '.' && i === 0));
    // Walk from the literal part of the pattern, not from the top.
    let base = root === '' ? cwd : root;
    let shown = '';
    let i = 0;
    while (i < segments.length - 1 && !isGlob(segments[i])) {
      base = join(base, segments[i]);
      shown = shown === '' ? segments[i] : `${shown}/${segments[i]}`;
      i++;
    }
    const matches = new Set<string>();
    walk(base, shown, segments.slice(i), matches);
    for (const file of matches) found.add(root + file);
  }
  return [...found].sort();
}
