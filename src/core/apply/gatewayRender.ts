// A gateway plan for people, as ./render does it for provisioning plans: every change with terraform's + ~ - marks for
// the terminal, and a counts table with the changes folded in <details> for a pull-request comment. A gateway plan is
// small (one resource and a dozen test lines), so the Markdown lists every change rather than samples.
import { cell, code, fieldLine, summaryLine } from './render';
import type { ChangeAction, GatewayPlanChange, SavedGatewayPlan } from './types';

const MARK: Readonly<Record<ChangeAction, string>> = { create: '+', update: '~', delete: '-' };
const ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete'];

function subject(change: GatewayPlanChange): string {
  return change.kind === 'gateway' ? `gateway ${change.body.name ?? ''}` : `test line ${change.name}`;
}

function pruneLine(plan: SavedGatewayPlan): string {
  return plan.prune ? 'prune is on: test lines the file does not list are deleted.' : 'prune is off: nothing is deleted.';
}

export function renderGatewayPlanText(plan: SavedGatewayPlan): string {
  const lines = [`Gateway plan for ${plan.gateway.id}, from ${plan.desired.path} (live state read ${plan.liveReadAt}).`, pruneLine(plan), ''];
  for (const change of plan.changes) {
    lines.push(`  ${MARK[change.action]} ${change.action} ${subject(change)}`);
    for (const field of change.fields) lines.push(`      ${fieldLine(field)}`);
  }
  if (plan.changes.length > 0) lines.push('');
  lines.push(summaryLine(plan));
  return `${lines.join('\n')}\n`;
}

export function renderGatewayPlanMarkdown(plan: SavedGatewayPlan): string {
  const out = [`### Gateway plan for ${code(plan.gateway.id)}`, '', `From ${code(plan.desired.path)}, live state read ${plan.liveReadAt}.`, ''];
  out.push(`**${summaryLine(plan)}**`, '', `> ${pruneLine(plan).replace('deleted', '**deleted**')}`, '');
  out.push('| | Create | Update | Delete |', '|---|---:|---:|---:|');
  const tally = (kind: GatewayPlanChange['kind'], action: ChangeAction) => plan.changes.filter((c) => c.kind === kind && c.action === action).length;
  out.push(`| Gateway | ${ACTIONS.map((a) => tally('gateway', a)).join(' | ')} |`);
  out.push(`| Test lines | ${ACTIONS.map((a) => tally('testLine', a)).join(' | ')} |`);
  out.push(`| **Total** | ${plan.counts.create} | ${plan.counts.update} | ${plan.counts.delete} |`, '', `${plan.counts.noop} unchanged.`, '');
  if (plan.changes.length > 0) {
    out.push('<details>', `<summary>Changes (${plan.changes.length})</summary>`, '', '| Change | Fields |', '|---|---|');
    for (const change of plan.changes) {
      const fields = change.fields.length === 0 ? '—' : change.fields.map((f) => cell(code(fieldLine(f)))).join('<br>');
      out.push(`| ${MARK[change.action]} ${cell(code(`${change.action} ${subject(change)}`))} | ${fields} |`);
    }
    out.push('', '</details>');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
