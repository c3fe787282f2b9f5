// Fakes for the onboarding faces' unit tests: an engine (the registry, runner, fix resolution and executor of
// src/core/onboarding and src/azure/onboarding, reduced to a table the test controls), memory stores, and prompts that
// answer from a script and record what they were asked. The real engine is exercised by the integration and e2e tests.
import { gatewayFileContext, type GatewayFileText } from '../../../src/core/onboarding/gatewayFile';
import type { CheckFix, CheckResult, CheckStage, FixWrite, OnboardingReads } from '../../../src/core/onboarding/types';
import { OnboardingChecks, type FixOutcome, type OnboardingEngine, type OnboardingRunContext } from '../../../src/host/onboarding';
import { OnboardingState, type KeyValueStore } from '../../../src/host/onboardingState';
import type { AcgServices } from '../../../src/host/services';
import type { OnboardingPrompts } from '../../../src/webviews/onboardingChecks/deps';

export const GATEWAY = {
  id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/fabrikam-new-gw',
  name: 'fabrikam-new-gw',
};

export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    // What a Memento keeps is JSON: a copy, so later changes to the object do not leak in.
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const SOURCE = { title: 'Onboarding guide', url: 'https://learn.microsoft.com/azure/communications-gateway/onboarding' };

export const ROLES_FIX: CheckFix = {
  title: 'Assign the missing roles',
  description: 'Assigns exactly the missing Project Synergy roles to the managed identity.',
  writes: [
    { service: 'graph', method: 'POST', path: '/servicePrincipals/mi-1/appRoleAssignments', body: { appRoleId: 'eb63d611' }, description: 'Assign Data.Read to the managed identity' },
    { service: 'graph', method: 'POST', path: '/servicePrincipals/mi-1/appRoleAssignments', body: { appRoleId: '98d32f93' }, description: 'Assign Data.Write to the managed identity' },
  ],
  recheckWithBackoff: true,
};

export const USER_ROLE_FIX: CheckFix = {
  title: 'Assign a Provisioning API role',
  description: 'Assigns the chosen role to the chosen user or group.',
  inputs: [
    { id: 'role', label: 'Role', kind: 'choice', options: [{ value: 'r-read', label: 'ProvisioningAPI.ReadUser' }, { value: 'r-admin', label: 'ProvisioningAPI.AdminUser' }] },
    { id: 'principal', label: 'User or group', kind: 'principal' },
  ],
  writes: [{ service: 'graph', method: 'POST', path: '/servicePrincipals/acg-sp/appRoleAssignedTo', body: { appRoleId: '{{input:role}}', principalId: '{{input:principal}}' }, description: 'Assign {{input:role}} to {{input:principal}}' }],
};

export function result(id: string, stage: CheckStage, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult {
  return { id, title: `Title of ${id}`, stage, why: `Why ${id} matters.`, source: SOURCE, manual: false, status, summary: `${id} is ${status}.`, evidence: [], ...extra };
}

/** The results a fresh run of fabrikam-new-gw gives, in display order. */
export function fabrikamResults(): CheckResult[] {
  return [
    result('gateway.status', 'deployment', 'pass'),
    result('test-lines.count', 'deployment', 'fail', { summary: 'OC: 4 of 6 automated test lines.' }),
    result('identity.synergy-roles', 'entra', 'fail', {
      summary: '2 of 7 Project Synergy roles are missing: Data.Read, Data.Write.',
      evidence: [{ label: 'Missing', value: ['Data.Read', 'Data.Write'] }],
      fix: ROLES_FIX,
    }),
    result('acg-app.user-roles', 'entra', 'fail', { fix: USER_ROLE_FIX }),
    result('domain.verified', 'entra', 'error', { summary: 'Not verified.', evidence: [{ label: 'TXT record', value: 'MS=ms12345678', copy: true }, { label: 'Domain', value: 'fab.commsgw.azure.com' }] }),
    result('oc.onboarding-form', 'operatorConnect', 'manual', { manual: true }),
  ];
}

export interface FakeEngine extends OnboardingEngine {
  /** What the next runs answer, by check id (a run of some ids answers those only). */
  results: CheckResult[];
  /** Make the next run fail as a whole with this. */
  failWith?: unknown;
  readonly runs: { checkIds: readonly string[] | undefined; marks: unknown; context: OnboardingRunContext }[];
  readonly fixes: { checkId: string; confirmed: readonly FixWrite[]; inputs?: Readonly<Record<string, string>> }[];
  /** What a fix re-check answers. */
  afterFix?: CheckResult;
}

export function fakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    results: fabrikamResults(),
    runs: [],
    fixes: [],
    STAGES: [
      { id: 'deployment', title: 'Deployment' },
      { id: 'entra', title: 'Microsoft Entra ID' },
      { id: 'operatorConnect', title: 'Operator Connect' },
      { id: 'teamsPhoneMobile', title: 'Teams Phone Mobile' },
      { id: 'goLive', title: 'Go-live' },
    ],
    get ONBOARDING_CHECKS() {
      return engine.results.map((r) => ({ id: r.id, title: r.title, stage: r.stage, manual: r.manual }));
    },
    async runOnboardingChecks(reads, options = {}) {
      await reads.read('marks');
      if (engine.failWith !== undefined) throw engine.failWith;
      const chosen = engine.results.filter((r) => !options.checkIds || options.checkIds.includes(r.id));
      for (const r of chosen) options.onResult?.(r);
      return chosen;
    },
    resolveFixWrites(fix, inputs = {}) {
      const fill = (text: string): string =>
        text.replace(/\{\{input:(\w+)\}\}/g, (_, id: string) => {
          const value = inputs[id];
          if (value === undefined) throw new Error(`The fix needs "${id}".`);
          return value;
        });
      return fix.writes.map((w) => ({ ...w, path: fill(w.path), description: fill(w.description), ...(w.body === undefined ? {} : { body: JSON.parse(fill(JSON.stringify(w.body))) as FixWrite['body'] }) }));
    },
    writeKey: (write) => `${write.method} ${write.service} ${write.path} ${JSON.stringify(write.body ?? null)}`,
    gatewayFileContext,
    createOnboardingReads(_clients, _gatewayId, context = {}): OnboardingReads {
      const reads: OnboardingReads = {
        read: async (key) => {
          if (key !== 'marks') throw new Error(`the fake reads only marks, not ${key}`);
          engine.runs.push({ checkIds: undefined, marks: context.marks, context });
          return (context.marks ?? {}) as never;
        },
      };
      return reads;
    },
    async applyOnboardingFix(_clients, _gatewayId, request): Promise<FixOutcome> {
      engine.fixes.push({ checkId: request.checkId, confirmed: request.confirmed, ...(request.inputs ? { inputs: request.inputs } : {}) });
      for (const write of request.confirmed) request.onWrite?.(write);
      const before = engine.results.find((r) => r.id === request.checkId)!;
      const after = engine.afterFix ?? { ...before, status: 'pass' as const, summary: 'All 7 roles are held.', fix: undefined };
      return { written: [...request.confirmed], alreadyDone: [], notConfirmed: [], result: after };
    },
    renderMarkdown: (report) => `# ${report.gateway.name}\n\n${report.checks.map((c) => `- ${c.id}: ${c.status}`).join('\n')}\n`,
  };
  return engine;
}

export interface OnboardingWorld {
  readonly engine: FakeEngine;
  readonly runStore: MemoryStore;
  readonly markStore: MemoryStore;
  readonly contextKeys: Map<string, boolean>;
  readonly state: OnboardingState;
  readonly onboarding: OnboardingChecks;
  readonly warnings: string[];
  /** Make services() reject with this (signed out). */
  servicesError?: unknown;
}

export function onboardingWorld(options: { runStore?: MemoryStore; markStore?: MemoryStore; gatewayFiles?: readonly GatewayFileText[] } = {}): OnboardingWorld {
  const engine = fakeEngine();
  const runStore = options.runStore ?? new MemoryStore();
  const markStore = options.markStore ?? new MemoryStore();
  const contextKeys = new Map<string, boolean>();
  const warnings: string[] = [];
  const state = new OnboardingState(runStore, markStore, (key, value) => contextKeys.set(key, value), (message) => warnings.push(message));
  const world: OnboardingWorld = {
    engine,
    runStore,
    markStore,
    contextKeys,
    state,
    warnings,
    onboarding: new OnboardingChecks({
      state,
      services: () => (world.servicesError === undefined ? Promise.resolve({} as unknown as AcgServices) : Promise.reject(world.servicesError)),
      loadEngine: () => Promise.resolve(engine),
      who: () => 'operator@fabrikam.example',
      ...(options.gatewayFiles ? { workspaceGatewayFiles: () => Promise.resolve(options.gatewayFiles ?? []) } : {}),
      log: { info: () => undefined, warn: (message) => warnings.push(message) },
    }),
  };
  return world;
}

export interface PromptScript {
  choices?: (string | undefined)[];
  principals?: (string | undefined)[];
  confirm?: boolean[];
  saveTo?: string;
}

export interface PromptRecord {
  readonly asked: string[];
  readonly confirmations: { title: string; description: string; writes: readonly FixWrite[] }[];
  readonly progress: { title: string; reports: string[] }[];
  readonly copies: string[];
  readonly opened: string[];
  readonly saved: { name: string; markdown: string }[];
}

export function scriptedPrompts(script: PromptScript = {}): { prompts: OnboardingPrompts; record: PromptRecord } {
  const record: PromptRecord = { asked: [], confirmations: [], progress: [], copies: [], opened: [], saved: [] };
  const choices = [...(script.choices ?? [])];
  const principals = [...(script.principals ?? [])];
  const confirm = [...(script.confirm ?? [])];
  const prompts: OnboardingPrompts = {
    pickChoice: async (input) => {
      record.asked.push(`choice:${input.id}`);
      return choices.shift();
    },
    askPrincipal: async (input) => {
      record.asked.push(`principal:${input.id}`);
      return principals.shift();
    },
    confirmWrites: async (title, description, writes) => {
      record.confirmations.push({ title, description, writes });
      return confirm.shift() ?? false;
    },
    withProgress: async (title, work) => {
      const entry = { title, reports: [] as string[] };
      record.progress.push(entry);
      return work({ signal: new AbortController().signal, report: (message) => entry.reports.push(message) });
    },
    saveReport: async (name, markdown) => {
      record.saved.push({ name, markdown });
      return script.saveTo;
    },
    copy: async (text) => {
      record.copies.push(text);
    },
    openExternal: async (url) => {
      record.opened.push(url);
      return true;
    },
  };
  return { prompts, record };
}
