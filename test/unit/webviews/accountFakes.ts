// The Account panel's deps for tests: real services against the emulator (or none, for the malformed-message tests),
// scripted answers to its VS Code prompts, and every call the panel makes recorded.
import type { AcgServices } from '../../../src/host/services';
import type { AccountPanelDeps, ConflictChoice, NumbersChanged } from '../../../src/webviews/account/deps';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { RecordingLog } from './rpcHarness';

export interface Prompted {
  readonly kind: 'confirm' | 'conflict';
  readonly message: string;
  readonly detail: string;
}

export interface AccountFakes {
  readonly deps: AccountPanelDeps;
  readonly log: RecordingLog;
  /** Every prompt shown, in order. */
  readonly prompts: Prompted[];
  /** Answers for the next confirmations (true: the button was pressed), then for conflicts; used up in order. */
  readonly confirmAnswers: boolean[];
  readonly conflictAnswers: ConflictChoice[];
  readonly commands: { id: string; args: unknown[] }[];
  servicesCalls: number;
  accountsChanged: number;
  /** Makes executeCommand reject as VS Code does for a command nobody registered. */
  missingCommands: Set<string>;
  signInChanged(): void;
  numbersChanged(change: NumbersChanged): void;
}

export function accountFakes(services: () => Promise<AcgServices>): AccountFakes {
  const signIn = new Set<() => void>();
  const numbers = new Set<(change: NumbersChanged) => void>();
  const fakes: AccountFakes = {
    log: new RecordingLog(),
    prompts: [],
    confirmAnswers: [],
    conflictAnswers: [],
    commands: [],
    servicesCalls: 0,
    accountsChanged: 0,
    missingCommands: new Set(),
    signInChanged: () => signIn.forEach((l) => l()),
    numbersChanged: (change) => numbers.forEach((l) => l(change)),
    deps: undefined as unknown as AccountPanelDeps,
  };
  const deps: AccountPanelDeps = {
    services: () => {
      fakes.servicesCalls++;
      return services();
    },
    prompts: {
      confirm: async (message, detail) => {
        fakes.prompts.push({ kind: 'confirm', message, detail });
        return fakes.confirmAnswers.shift() ?? false;
      },
      conflict: async (message, detail) => {
        fakes.prompts.push({ kind: 'conflict', message, detail });
        return fakes.conflictAnswers.shift();
      },
    },
    log: fakes.log,
    present: presentErrorForWebview,
    accountsChanged: () => {
      fakes.accountsChanged++;
    },
    onDidChangeSignIn: (listener) => {
      signIn.add(listener);
      return { dispose: () => signIn.delete(listener) };
    },
    onDidChangeNumbers: (listener) => {
      numbers.add(listener);
      return { dispose: () => numbers.delete(listener) };
    },
    executeCommand: async (id, ...args) => {
      if (fakes.missingCommands.has(id)) throw new Error(`command '${id}' not found`);
      fakes.commands.push({ id, args });
      return undefined;
    },
  };
  return Object.assign(fakes, { deps });
}
