// Restricted Mode (an untrusted workspace): the extension only reads. Writing commands are refused by the command
// table (src/commands/commandTrust.ts); every other write — a panel's Delete, an onboarding fix — by the pipeline,
// which the host builds with this reason while the workspace is untrusted (src/host/host.ts).
export const RESTRICTED_MODE_WRITES =
  'Nothing was changed: this workspace is in Restricted Mode, where the extension only reads. Trust the workspace to change Azure resources.';
