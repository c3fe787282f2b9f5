// A provisioning plan for people: text for the terminal (every change, terraform's + ~ - marks) and Markdown for a
// pull-request comment (a counts table and a few samples of each kind, folded in <details> so a 10,000-number plan
// stays a readable comment). The saved-plan JSON lives in ./savedPlan and is re-exported here.
import { formatDuration } from './estimate';
import type { ChangeAction, FieldChange, PlanChange, SavedProvisioningPlan } from './types';

export { parseSavedPlan, planToJson, PROVISIONING_PLAN_FORMAT } from './savedPlan';

/** Samples per kind of change in the Markdown form. */
export const MARKDOWN_SAMPLES = 10;

const MARK: Readonly<Record<ChangeAction, string>> = { create: '+', update: '~', delete: '-' };
const KINDS = [
  { kind: 'account', label: 'Accounts', one: 'account' },
  { kind: 'number', label: 'Numbers', one: 'number' },
  { kind: 'relationship', label: 'Relationships', one: 'relationship' },
] as const;
const ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete'];
const VERB: Readonly<Record<ChangeAction, string>> = { create: 'to create', update: 'to update', delete: 'to delete' };

export function value(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

export function fieldLine(field: FieldChange): string {
  return `${field.path}: ${value(field.before)} → ${value(field.after)}`;
}

function subject(change: PlanChange): string {
  if (change.kind === 'account') return `account ${change.account}`;
  if (change.kind === 'number') return `number ${change.telephoneNumber} (account ${change.account})`;
  return `relationship of tenant ${change.tenantId}`;
}

export function summaryLine(plan: Pick<SavedProvisioningPlan, 'counts' | 'desired'>): string {
  const { create, update, delete: del, noop } = plan.counts;
  if (create + update + del === 0) return `No changes: the live state matches ${plan.desired.path} (${noop} unchanged).`;
  return `Plan: ${create} to create, ${update} to update, ${del} to delete, ${noop} unchanged.`;
}

export function estimateLine(plan: SavedProvisioningPlan): string {
  const { requests, requestsPerMinute, seconds } = plan.estimate;
  return `Estimated apply time: ${formatDuration(seconds)} (${requests} request${requests === 1 ? '' : 's'} at ${requestsPerMinute} a minute; a batch of up to 100 numbers counts as one).`;
}

export function renderPlanText(plan: SavedProvisioningPlan): string {
  const lines = [
    `Provisioning plan for ${plan.gateway.domain}, from ${plan.desired.path} (live state read ${plan.liveReadAt}).`,
    plan.prune ? 'prune is on: numbers the file does not list are deleted from its accounts.' : 'prune is off: nothing is deleted.',
    '',
  ];
  for (const change of plan.changes) {
    lines.push(`  ${MARK[change.action]} ${change.action} ${subject(change)}`);
    for (const field of change.fields) lines.push(`      ${fieldLine(field)}`);
  }
  if (plan.changes.length > 0) lines.push('');
  lines.push(summaryLine(plan));
  if (plan.changes.length > 0) lines.push(estimateLine(plan));
  return `${lines.join('\n')}\n`;
}

/** Markdown table cells: pipes split cells and newlines end rows, so both are escaped. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the value (CommonMark: a longer fence). */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

function samples(changes: readonly PlanChange[], kindLabel: string, action: ChangeAction): string[] {
  const title = `${kindLabel} ${VERB[action]} (${changes.length})`;
  const rows = changes.slice(0, MARKDOWN_SAMPLES).map((c) => {
    const fields = c.fields.length === 0 ? '—' : c.fields.map((f) => cell(code(fieldLine(f)))).join('<br>');
    return `| ${cell(code(subject(c)))} | ${fields} |`;
  });
  const more = changes.length > MARKDOWN_SAMPLES ? [``, `…and ${changes.length - MARKDOWN_SAMPLES} more (the full list: \`acg plan --format text\`).`] : [];
  return ['<details>', `<summary>${title}</summary>`, '', '| Change | Fields |', '|---|---|', ...rows, ...more, '', '</details>', ''];
}

export function renderPlanMarkdown(plan: SavedProvisioningPlan): string {
  const out = [`### Provisioning plan for ${code(plan.gateway.domain)}`, '', `From ${code(plan.desired.path)}, live state read ${plan.liveReadAt}.`, ''];
  out.push(`**${summaryLine(plan)}**`, '');
  if (plan.changes.length > 0) out.push(estimateLine(plan), '');
  out.push(plan.prune ? '> prune is on: numbers the file does not list are **deleted**.' : '> prune is off: nothing is deleted.', '');
  out.push('| | Create | Update | Delete |', '|---|---:|---:|---:|');
  const byKind = new Map<string, PlanChange[]>();
  for (const change of plan.changes) {
    const key = `${change.kind}:${change.action}`;
    const list = byKind.get(key) ?? [];
    list.push(change);
    byKind.set(key, list);
  }
  for (const { kind, label } of KINDS) {
    out.push(`| ${label} | ${ACTIONS.map((a) => byKind.get(`${kind}:${a}`)?.length ?? 0).join(' | ')} |`);
  }
  out.push(`| **Total** | ${plan.counts.create} | ${plan.counts.update} | ${plan.counts.delete} |`, '', `${plan.counts.noop} unchanged.`, '');
  for (const { kind, label } of KINDS) {
    for (const action of ACTIONS) {
      const changes = byKind.get(`${kind}:${action}`);
      if (changes) out.push(...samples(changes, label, action));
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
