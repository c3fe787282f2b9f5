// One run of the onboarding checks, written for people and for machines: text for a terminal, Markdown for a ticket
// or a pull request, JSON for scripts, SARIF 2.1.0 for code scanning. The CLI (`acg check`) and the panel's "Export
// Report…" both use these, so a report reads the same wherever it was made.
import { sarifRuleName } from '../sarif';
import { STAGES, STATUS_LABELS, STATUS_ORDER, statusCount } from './stages';
import type { CheckResult, CheckStatus, EvidenceValue, FixWrite } from './types';

export interface OnboardingReport {
  readonly gateway: { readonly name: string; readonly id: string };
  /** ISO 8601. */
  readonly generatedAt: string;
  readonly checks: readonly CheckResult[];
}

export type StatusCounts = Readonly<Record<CheckStatus, number>>;

export function statusCounts(checks: readonly CheckResult[]): StatusCounts {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, manual: 0, skipped: 0, error: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** 1 when any check failed or could not run; warnings and manual steps do not fail a pipeline. */
export function checkExitCode(checks: readonly CheckResult[]): 0 | 1 {
  return checks.some((c) => c.status === 'fail' || c.status === 'error') ? 1 : 0;
}

/** "2 failed, 1 could not check, 14 passed": the non-zero counts, most urgent first. */
export function summaryLine(checks: readonly CheckResult[]): string {
  const counts = statusCounts(checks);
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => statusCount(s, counts[s]));
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

/** An evidence value on one line: lists joined, {name, id} pairs as "name (id)", missing values as "none". */
export function formatEvidenceValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (isList(value)) return value.length === 0 ? 'none' : value.map(formatEvidenceValue).join(', ');
  const { name, id, ...rest } = value;
  if (typeof name === 'string' && typeof id === 'string' && Object.keys(rest).length === 0) return `${name} (${id})`;
  return Object.entries(value)
    .map(([key, v]) => `${key}: ${formatEvidenceValue(v)}`)
    .join('; ');
}

function isList(value: EvidenceValue): value is readonly EvidenceValue[] {
  return Array.isArray(value);
}

function byStage(checks: readonly CheckResult[]) {
  return STAGES.map((stage) => ({ stage, checks: checks.filter((c) => c.stage === stage.id) })).filter((group) => group.checks.length > 0);
}

function describeWrite(write: FixWrite): string {
  return `${write.method} ${write.service === 'graph' ? 'Microsoft Graph' : 'ARM'} ${write.path}: ${write.description}`;
}

// ---- Text ------------------------------------------------------------------------------------------------------------

const TEXT_TAGS: Readonly<Record<CheckStatus, string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  manual: 'TODO',
  skipped: 'SKIP',
  error: 'ERROR',
};

/** A list of records (test lines, accounts, holders) reads best one record a line; anything else fits on one. */
function evidenceLines(label: string, value: EvidenceValue, indent: string): string[] {
  const records = isList(value) && value.length > 1 && value.every((v) => typeof v === 'object' && v !== null && !isList(v));
  if (!records) return [`${indent}${label}: ${formatEvidenceValue(value)}`];
  return [`${indent}${label}:`, ...value.map((v) => `${indent}  - ${formatEvidenceValue(v)}`)];
}

/** For a terminal: stage headings, one line per check, its evidence indented beneath, and what a fix would write. */
export function renderText(report: OnboardingReport): string {
  const lines = [`Onboarding checks for ${report.gateway.name}`, `  ${report.gateway.id}`, ''];
  for (const { stage, checks } of byStage(report.checks)) {
    lines.push(stage.title);
    for (const check of checks) {
      lines.push(`  [${TEXT_TAGS[check.status]}]`.padEnd(10) + `${check.title} (${check.id})`);
      lines.push(`          ${check.summary}`);
      for (const item of check.evidence) lines.push(...evidenceLines(item.label, item.value, '            '));
      if (check.fix && check.status !== 'pass') {
        const inputs = (check.fix.inputs ?? []).map((input) => ` --input ${input.id}=<${input.label}>`).join('');
        lines.push(`          Fix: ${check.fix.title}. Run: acg check --gateway ${report.gateway.name} --fix ${check.id}${inputs} --yes`);
        for (const write of check.fix.writes) lines.push(`            - ${describeWrite(write)}`);
      }
    }
    lines.push('');
  }
  lines.push(`${summaryLine(report.checks)}.`);
  return lines.join('\n');
}

// ---- Markdown --------------------------------------------------------------------------------------------------------

const MARKDOWN_ICONS: Readonly<Record<CheckStatus, string>> = {
  pass: '✅',
  fail: '❌',
  warn: '⚠️',
  manual: '📝',
  skipped: '⏭️',
  error: '⛔',
};

/** Markdown text that shows literally: values come from services and people, so nothing in them may format. */
export function escapeMarkdown(text: string): string {
  // Angle brackets become entities: some renderers pass `\<` through as raw HTML.
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  // A run of backticks longer than any inside keeps the value literal (CommonMark code spans).
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\r?\n/g, ' ')}${fence}`;
}

/** For a ticket or a pull request: a summary table, then each stage with every check's evidence and fix. */
export function renderMarkdown(report: OnboardingReport): string {
  const counts = statusCounts(report.checks);
  const lines = [
    `# Onboarding checks: ${escapeMarkdown(report.gateway.name)}`,
    '',
    `Gateway ${code(report.gateway.id)}, checked ${escapeMarkdown(report.generatedAt)}.`,
    '',
    '| Status | Checks |',
    '|---|---:|',
    ...STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => `| ${MARKDOWN_ICONS[s]} ${STATUS_LABELS[s]} | ${counts[s]} |`),
    '',
  ];
  for (const { stage, checks } of byStage(report.checks)) {
    lines.push(`## ${stage.title}`, '');
    for (const check of checks) {
      lines.push(`### ${MARKDOWN_ICONS[check.status]} ${escapeMarkdown(check.title)}: ${STATUS_LABELS[check.status]}`, '');
      lines.push(escapeMarkdown(check.summary), '');
      for (const item of check.evidence) lines.push(`- ${escapeMarkdown(item.label)}: ${code(formatEvidenceValue(item.value))}`);
      if (check.evidence.length > 0) lines.push('');
      if (check.fix && check.status !== 'pass') {
        lines.push(`Fix: **${escapeMarkdown(check.fix.title)}**. ${escapeMarkdown(check.fix.description)}`, '');
        for (const write of check.fix.writes) lines.push(`- ${code(`${write.method} ${write.path}`)}: ${escapeMarkdown(write.description)}`);
        if (check.fix.writes.length > 0) lines.push('');
      }
      lines.push(`Why: ${escapeMarkdown(check.why)} Source: [${escapeMarkdown(check.source.title)}](${check.source.url}). Check id ${code(check.id)}.`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// ---- JSON ------------------------------------------------------------------------------------------------------------

/** `acg check --format json`: `{ gateway, generatedAt, summary, checks: [{ id, title, stage, status, summary, evidence, fix? }] }`. */
export function reportJson(report: OnboardingReport): unknown {
  return {
    gateway: report.gateway,
    generatedAt: report.generatedAt,
    summary: statusCounts(report.checks),
    checks: report.checks.map((c) => ({
      id: c.id,
      title: c.title,
      stage: c.stage,
      status: c.status,
      summary: c.summary,
      evidence: c.evidence,
      ...(c.fix ? { fix: c.fix } : {}),
      manual: c.manual,
      why: c.why,
      source: c.source,
    })),
  };
}

// ---- SARIF -----------------------------------------------------------------------------------------------------------

const SARIF_RESULT: Readonly<Record<CheckStatus, { kind: string; level: string }>> = {
  pass: { kind: 'pass', level: 'none' },
  fail: { kind: 'fail', level: 'error' },
  error: { kind: 'fail', level: 'error' },
  warn: { kind: 'fail', level: 'warning' },
  manual: { kind: 'review', level: 'none' },
  skipped: { kind: 'notApplicable', level: 'none' },
};

declare const ACG_VERSION: string | undefined;

/**
 * SARIF 2.1.0: one rule per check, one result per check with its kind (pass, fail, review, notApplicable). A check
 * has no file, so its location is logical: the gateway's resource id.
 */
export function renderSarif(report: OnboardingReport): unknown {
  const rules = report.checks.map((c) => ({
    id: c.id,
    name: sarifRuleName(c.title),
    shortDescription: { text: c.title },
    fullDescription: { text: c.why },
    helpUri: c.source.url,
    properties: { stage: c.stage, manual: c.manual },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'acg',
            fullName: 'Azure Communications Gateway Tools (acg check)',
            version: typeof ACG_VERSION === 'string' ? ACG_VERSION : '0.0.0-dev',
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
        results: report.checks.map((c, ruleIndex) => ({
          ruleId: c.id,
          ruleIndex,
          ...SARIF_RESULT[c.status],
          message: { text: `${STATUS_LABELS[c.status]}: ${c.summary}` },
          locations: [{ logicalLocations: [{ fullyQualifiedName: report.gateway.id, name: report.gateway.name, kind: 'resource' }] }],
          properties: {
            status: c.status,
            evidence: c.evidence,
            ...(c.fix ? { fix: { title: c.fix.title, writes: c.fix.writes.map(describeWrite) } } : {}),
          },
        })),
      },
    ],
  };
}
