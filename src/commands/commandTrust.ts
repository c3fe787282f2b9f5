// Workspace trust (issue 13 §4): in an untrusted workspace only reading features run. Every command is classified here
// as writing to a service or not; the types refuse to compile until a new command is classified. A writing command is
// hidden from menus and the palette (`isWorkspaceTrusted` in its package.json `when` clauses) and, because a `when` clause does not
// stop executeCommand or a keybinding, refused at run time by `guardWrites`, which the command table wraps every
// handler with. test/unit/commands/commandTrust.test.ts checks both against package.json. No `vscode` import, so the
// guard itself is unit-tested.
import type { CommandKey } from '../host/ids';
import type { CommandContext, CommandHandler } from './context';

/**
 * The commands that change a service (ARM, the Provisioning API, Graph). Every other command reads, opens, copies, or
 * works on local files where the user asks: Run Onboarding Checks only reads (a fix is a separate, confirmed step in
 * its panel), Plan reads the live state, the configuration-file commands send nothing.
 */
const WRITING = [
  'addTestLine',
  'deleteTestLine',
  'updateRelationship',
  'createAccount',
  'deleteNumbers',
  'createNumbers',
  'editNumbers',
  'importNumbersCsv',
  'applyProvisioningPlan',
  'resumeProvisioningApply',
] as const satisfies readonly CommandKey[];
export const WRITING_COMMANDS: ReadonlySet<CommandKey> = new Set<CommandKey>(WRITING);

/**
 * The commands that only read, as a type: together with WRITING_COMMANDS they must name every command, or
 * `EveryCommandClassifiedOnce` fails to compile, so a new command is classified when it is added (at no cost in the
 * activation bundle: types are erased).
 */
type ReadingCommand =
  | 'signIn'
  | 'signOut'
  | 'selectTenant'
  | 'selectSubscriptions'
  | 'selectCloud'
  | 'accountMenu'
  | 'showLog'
  | 'openAuditLog'
  | 'openSettings'
  | 'refreshGateways'
  | 'copyDomain'
  | 'copyProvisioningApiUrl'
  | 'copyManagedIdentity'
  | 'openInPortal'
  | 'openOverview'
  | 'viewProperties'
  | 'runOnboardingChecks'
  | 'selectGateway'
  | 'retry'
  | 'loadMore'
  | 'refreshEnterprises'
  | 'showNumbers'
  | 'copyTenantId'
  | 'goToAccount'
  | 'goToRequest'
  | 'manageRequests'
  | 'openAccount'
  | 'refreshNumbers'
  | 'filterNumbers'
  | 'clearNumberFilter'
  | 'showGatewayNumbers'
  | 'copyNumbers'
  | 'showNumberDetails'
  | 'findNumber'
  | 'manageNumbers'
  | 'convertCsvToPlan'
  | 'generatePowerShell'
  | 'validateWorkspace'
  | 'splitPlan'
  | 'splitCsv'
  | 'planProvisioning';
type WritingCommand = (typeof WRITING)[number];
type AssertNever<T extends never> = T;
/** Each command is classified, once, and only commands are. */
export type EveryCommandClassifiedOnce = [
  AssertNever<Exclude<CommandKey, ReadingCommand | WritingCommand>>,
  AssertNever<Extract<ReadingCommand, WritingCommand>>,
  AssertNever<Exclude<ReadingCommand, CommandKey>>,
];

export const UNTRUSTED_REFUSAL = 'This command changes your Azure resources: trust the workspace to use it.';

/**
 * The command table with every writing command refusing to run while the workspace is untrusted: `refuse` tells the
 * user why (once) and the handler is not called.
 */
export function guardWrites(
  handlers: { readonly [K in CommandKey]: CommandHandler },
  isTrusted: () => boolean,
  refuse: (ctx: CommandContext) => unknown,
): { readonly [K in CommandKey]: CommandHandler } {
  const guarded = { ...handlers };
  for (const key of Object.keys(handlers) as CommandKey[]) {
    if (!WRITING_COMMANDS.has(key)) continue;
    const handler = handlers[key];
    guarded[key] = (ctx, node) => (isTrusted() ? handler(ctx, node) : refuse(ctx));
  }
  return guarded;
}
