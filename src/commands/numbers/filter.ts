// "Filter Numbers…" in the Numbers view's title: number prefix, service and provisioning status, one at a time from
// a small menu, each shown with its current value. Prefix and status are filtered by the service; the view's
// description shows the active filter. Automation passes the filter as an argument: { prefix, service, status }.
import type * as vscode from 'vscode';
import { describeFilter, NO_FILTER, normalizePrefix, NUMBER_SERVICES, parseNumberFilter, validatePrefix, type NumberFilter, type NumberServiceKey } from '../../core/numbers';
import { SERVICE_PROVISIONING_STATUSES, type ServiceProvisioningStatus } from '../../core/models';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';

type Field = 'prefix' | 'service' | 'status' | 'clear';

interface FieldItem extends vscode.QuickPickItem {
  readonly field: Field;
}

export async function filterNumbers(ctx: CommandContext, argument: unknown): Promise<NumbersScopeNode | undefined> {
  const given = parseNumberFilter(argument);
  if (given) return ctx.numbers.setFilter(given);
  const current = ctx.numbers.filter;
  const fields: FieldItem[] = [
    { field: 'prefix', label: '$(symbol-numeric) Number prefix…', description: current.prefix ?? 'any' },
    { field: 'service', label: '$(plug) Service…', description: current.service ? NUMBER_SERVICES.find((s) => s.key === current.service)?.name : 'any' },
    { field: 'status', label: '$(sync) Provisioning status…', description: current.status ?? 'any' },
    ...(describeFilter(current) ? [{ field: 'clear' as const, label: '$(clear-all) Clear filter', description: describeFilter(current) }] : []),
  ];
  const picked = await ctx.host.ui.showQuickPick(fields, { title: 'Filter Numbers', placeHolder: 'What do you want to filter on?' });
  if (!picked) return undefined;
  const next = await askField(ctx, picked.field, current);
  return next && ctx.numbers.setFilter(next);
}

async function askField(ctx: CommandContext, field: Field, current: NumberFilter): Promise<NumberFilter | undefined> {
  switch (field) {
    case 'clear':
      return NO_FILTER;
    case 'prefix': {
      const text = await ctx.host.ui.showInputBox({
        title: 'Filter Numbers: prefix',
        prompt: 'Numbers starting with (country code first, for example +44 or +1425). Leave empty for every number.',
        value: current.prefix ?? '',
        validateInput: validatePrefix,
      });
      if (text === undefined || validatePrefix(text) !== undefined) return undefined;
      const prefix = normalizePrefix(text);
      return compact({ ...current, prefix: prefix === '' ? undefined : prefix });
    }
    case 'service': {
      const items: (vscode.QuickPickItem & { key?: NumberServiceKey })[] = [{ label: 'Any service' }, ...NUMBER_SERVICES.map((s) => ({ label: s.name, description: s.short, key: s.key }))];
      const picked = await ctx.host.ui.showQuickPick(items, { title: 'Filter Numbers: service', placeHolder: 'Numbers that have this service (checked on each page as it arrives)' });
      return picked && compact({ ...current, service: picked.key });
    }
    case 'status': {
      const items: (vscode.QuickPickItem & { status?: ServiceProvisioningStatus })[] = [{ label: 'Any status' }, ...SERVICE_PROVISIONING_STATUSES.map((status) => ({ label: status, status }))];
      const picked = await ctx.host.ui.showQuickPick(items, { title: 'Filter Numbers: provisioning status', placeHolder: 'pending, synced or failed' });
      return picked && compact({ ...current, status: picked.status });
    }
  }
}

/** The filter without unset fields, so that "any" really removes a condition. */
function compact(filter: NumberFilter): NumberFilter {
  return {
    ...(filter.prefix ? { prefix: filter.prefix } : {}),
    ...(filter.service ? { service: filter.service } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}
