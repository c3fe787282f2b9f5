// The icon of a number's provisioning status in the grid, as the Number editor shows it: pending spins (the status
// follow-up is watching it), failed is the error icon, synced a tick. Plain data, so a unit test reads it without a DOM.
export interface StatusIcon {
  /** The codicon's name (codicon-<name>). */
  readonly name: string;
  /** Add codicon-modifier-spin: the number is still being taken by the service. */
  readonly spin: boolean;
}

const ICONS: Readonly<Record<string, StatusIcon>> = {
  pending: { name: 'loading', spin: true },
  synced: { name: 'pass', spin: false },
  failed: { name: 'error', spin: false },
};

export function statusIcon(status: string): StatusIcon {
  return ICONS[status] ?? { name: 'question', spin: false };
}

/** The classes of the icon's element. */
export function statusIconClasses(status: string): string {
  const icon = statusIcon(status);
  return `codicon codicon-${icon.name}${icon.spin ? ' codicon-modifier-spin' : ''}`;
}
