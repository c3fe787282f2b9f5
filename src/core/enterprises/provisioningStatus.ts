// serviceProvisioningStatus (pending, synced, failed) and its errors, shown the same way on accounts, numbers and
// requests for information: the word, an icon, and in a tooltip every error the service returned.
import type { CoreError, ServiceProvisioningStatus } from '../models';
import { code, escapeMarkdown } from './markdown';

/** A codicon id and an optional theme colour id: the faces turn them into a ThemeIcon, core stays free of vscode. */
export interface IconSpec {
  readonly id: string;
  readonly color?: string;
}

export interface ProvisionedLike {
  readonly serviceProvisioningStatus?: ServiceProvisioningStatus;
  readonly serviceProvisioningErrors?: readonly CoreError[];
}

export const STATUS_ICONS: Readonly<Record<ServiceProvisioningStatus, IconSpec>> = {
  synced: { id: 'pass', color: 'testing.iconPassed' },
  pending: { id: 'sync', color: 'charts.yellow' },
  failed: { id: 'error', color: 'errorForeground' },
};

/** Markdown lines for the errors of a failed resource (nested details too), empty when there are none. */
export function errorLines(errors: readonly CoreError[] | undefined): string[] {
  const out: string[] = [];
  const walk = (list: readonly CoreError[], depth: number): void => {
    for (const error of list) {
      const target = error.target ? ` (${code(error.target)})` : '';
      out.push(`${'  '.repeat(depth)}- ${code(error.code)}${target}: ${escapeMarkdown(error.message)}`);
      if (error.details?.length) walk(error.details, depth + 1);
    }
  };
  walk(errors ?? [], 0);
  return out;
}

/** The tooltip section for the provisioning status: a heading line, then the errors of a failed status. */
export function statusSection(resource: ProvisionedLike): string[] {
  const status = resource.serviceProvisioningStatus;
  if (status === undefined) return [];
  const heading = `**Provisioning status:** ${status === 'failed' ? '$(error) failed' : status === 'pending' ? '$(sync) pending' : '$(pass) synced'}`;
  if (status !== 'failed') return [heading];
  const errors = errorLines(resource.serviceProvisioningErrors);
  return [heading, ...(errors.length ? errors : ['- The service reported no error details.'])];
}
