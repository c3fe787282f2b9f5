// The three faces of `acg validate`'s results: compiler-style text, JSON for scripts, SARIF 2.1.0 for code scanning.
import { sarifRuleName } from '../core/sarif';
import { pathToFileURL } from 'node:url';
import { LineMap, type ConfigDiagnostic, type ConfigKind, type TextRange } from '../core/config';
import { RULES } from '../core/rules/ruleTable';

declare const ACG_VERSION: string | undefined;

export interface FileResult {
  /** As shown to the user: relative to the working directory when inside it. */
  readonly path: string;
  readonly kind: ConfigKind;
  readonly text: string;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counts(results: readonly FileResult[]): { errors: number; warnings: number; infos: number } {
  const all = results.flatMap((r) => r.diagnostics);
  return {
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    infos: all.filter((d) => d.severity === 'info').length,
  };
}

/** `file:line:col: severity code message`, related places as indented notes, then a summary line. */
export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const map = new LineMap(result.text);
    const at = (range: TextRange) => {
      const p = map.positionAt(range.start);
      return `${result.path}:${p.line}:${p.column}`;
    };
    for (const d of result.diagnostics) {
      lines.push(`${at(d.range)}: ${d.severity} ${d.ruleId} ${d.message}`);
      for (const r of d.related ?? []) lines.push(`  ${at(r.range)}: note: ${r.message}`);
    }
  }
  const { errors, warnings } = counts(results);
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(results.length, 'file')}.`);
  return lines.join('\n');
}

function position(map: LineMap, range: TextRange) {
  const start = map.positionAt(range.start);
  const end = map.positionAt(range.end);
  return { start: range.start, end: range.end, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((result) => {
    const map = new LineMap(result.text);
    return {
      path: result.path,
      kind: result.kind,
      diagnostics: result.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        sourceUrl: d.sourceUrl,
        range: position(map, d.range),
        ...(d.related ? { related: d.related.map((r) => ({ message: r.message, range: position(map, r.range) })) } : {}),
        ...(d.fixes
          ? {
              fixes: d.fixes.map((f) => ({
                title: f.title,
                ...(f.isPreferred ? { isPreferred: true } : {}),
                ...(f.command ? { command: f.command } : {}),
                edits: f.edits.map((e) => ({ range: position(map, e.range), newText: e.newText })),
              })),
            }
          : {}),
      })),
    };
  });
  return JSON.stringify({ version: 1, files, summary: { ...counts(results), files: results.length } }, null, 2);
}

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;
const RULE_IDS = Object.keys(RULES);

function sarifRegion(map: LineMap, range: TextRange) {
  const start = map.positionAt(range.start);
  const end = map.positionAt(range.end);
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    charOffset: range.start,
    charLength: range.end - range.start,
  };
}

/** SARIF 2.1.0: one run, the whole rule table as the driver's rules, results with regions, related locations and fixes. */
export function formatSarif(results: readonly FileResult[], cwd: string, problems: readonly string[] = []): string {
  const base = `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}`;
  const location = (path: string) =>
    path.startsWith('..') || /^([A-Za-z]:)?[\\/]/.test(path)
      ? { uri: pathToFileURL(path).href }
      : { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  const sarifResults = results.flatMap((result) => {
    const map = new LineMap(result.text);
    const artifactLocation = location(result.path);
    return result.diagnostics.map((d) => {
      const fixes = (d.fixes ?? []).filter((f) => f.edits.length > 0);
      return {
        ruleId: d.ruleId,
        ...(RULE_IDS.includes(d.ruleId) ? { ruleIndex: RULE_IDS.indexOf(d.ruleId) } : {}),
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: sarifRegion(map, d.range) } }],
        ...(d.related && d.related.length > 0
          ? {
              relatedLocations: d.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation, region: sarifRegion(map, r.range) },
              })),
            }
          : {}),
        ...(fixes.length > 0
          ? {
              fixes: fixes.map((f) => ({
                description: { text: f.title },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: f.edits.map((e) => ({ deletedRegion: sarifRegion(map, e.range), insertedContent: { text: e.newText } })),
                  },
                ],
              })),
            }
          : {}),
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'acg',
            fullName: 'Azure Communications Gateway Tools (acg validate)',
            version: typeof ACG_VERSION === 'string' ? ACG_VERSION : '0.0.0-dev',
            rules: Object.values(RULES).map((rule) => ({
              id: rule.id,
              name: sarifRuleName(rule.title),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.message },
              helpUri: rule.sourceUrl,
              help: { text: `${rule.message} Source: ${rule.source}.` },
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { source: rule.source },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: location(r.path), sourceLanguage: r.kind === 'numbersCsv' ? 'csv' : 'json' })),
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            ...(problems.length > 0 ? { toolExecutionNotifications: problems.map((p) => ({ level: 'error', message: { text: p } })) } : {}),
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
