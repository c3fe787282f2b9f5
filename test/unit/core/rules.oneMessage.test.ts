// Each rule is written once (DESIGN.md, "one rule implementation per rule id"), so one bad value reads the same in a
// plan, a gateway file, a runbook, a number CSV and the emulator's 400.
// - Statically: every rule id of the table is a literal in exactly one module of src/core/rules, and everywhere else
//   in src/ and emulator/ only where a finding is looked up (compared, switched on, read from the table).
// - Per rule id: the same bad value, put through every file kind (and request) that can carry it, gets one message.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { ACG_PROVISIONING_APP_ID, BULK_ACCOUNT_NAME, DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_OBJECT_ID, SUBSCRIPTION_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { SEED_TENANT_IDS } from '../../../emulator/seed/provisioning';
import { CSV_COLUMN_SETS, validateConfig, type CsvColumnSetId } from '../../../src/core/config';
import { csvCell } from '../../../src/core/config/csv/tokenizer';
import { RULES, type RuleId } from '../../../src/core/rules/ruleTable';
import { request } from '../../support/https';
import { LAB_GATEWAY, PROD_GATEWAY } from '../config/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const RULE_ID = /^ACG-[A-Z]+-\d{3}$/;

// ---------------------------------------------------------------------------------------------------------------
// Static: where the id literals are

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

interface IdLiteral {
  readonly id: string;
  readonly line: number;
  /** Only looks a finding up (compares, switches on, reads the table); does not make one. */
  readonly reference: boolean;
}

const COMPARISONS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const LOOKUPS: ReadonlySet<string> = new Set(['getRule', 'isRuleId']);

/** An expression in a place that reads a rule id: compared, a case label, an index into the table, a lookup call. */
function readsId(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) return COMPARISONS.has(parent.operatorToken.kind);
  if (ts.isCaseClause(parent)) return parent.expression === node;
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression === node;
  if (ts.isCallExpression(parent)) return ts.isIdentifier(parent.expression) && LOOKUPS.has(parent.expression.text);
  return false;
}

/** A `const X = 'ACG-…'` whose every use in the file reads the id (a named constant for a comparison). */
function namesAReadOnlyId(node: ts.Node, source: ts.SourceFile): boolean {
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  const uses: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== declaration.name) uses.push(n);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return uses.length > 0 && uses.every(readsId);
}

/** Every string literal in `text` that is a rule id (comments are not literals, so they do not count). */
function idLiterals(text: string, fileName = 'file.ts'): IdLiteral[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: IdLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && RULE_ID.test(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ id: node.text, line, reference: readsId(node) || namesAReadOnlyId(node, source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('each rule id is raised in one place', () => {
  const RULES_DIR = join(ROOT, 'src', 'core', 'rules');
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'emulator'))].filter((f) => f !== join(RULES_DIR, 'ruleTable.ts'));
  const literals = files.map((file) => ({ file: relative(ROOT, file), inRules: file.startsWith(`${RULES_DIR}/`), found: idLiterals(readFileSync(file, 'utf8'), file) }));

  it('tells raising from looking up (so the checks below can fail)', () => {
    const sample = [
      "const a = violation('ACG-NUM-014', path, 'x');",
      "const b = { ruleId: 'ACG-NUM-014', message: 'x' };",
      "checkEnum('ACG-SCHEMA-003', value, allowed, path, 'label');",
      "const ID = 'ACG-CSV-002'; report(ID);",
      "if (v.ruleId === 'ACG-RFI-002') fix();",
      "switch (d.ruleId) { case 'ACG-NUM-001': break; }",
      "const m = RULES['ACG-ACC-001'].message;",
      "const r = getRule('ACG-TAG-001');",
      "const NO_ACCOUNT = 'ACG-CSV-002'; if (d.ruleId !== NO_ACCOUNT) skip();",
      '// a comment about ACG-NUM-001 is no literal',
    ].join('\n');
    assert.deepEqual(
      idLiterals(sample).map((l) => `${l.line} ${l.id} ${l.reference ? 'reads' : 'raises'}`),
      [
        '1 ACG-NUM-014 raises',
        '2 ACG-NUM-014 raises',
        '3 ACG-SCHEMA-003 raises',
        '4 ACG-CSV-002 raises',
        '5 ACG-RFI-002 reads',
        '6 ACG-NUM-001 reads',
        '7 ACG-ACC-001 reads',
        '8 ACG-TAG-001 reads',
        '9 ACG-CSV-002 reads',
      ],
    );
  });

  it('finds every rule id of the table in exactly one module of src/core/rules', () => {
    const modulesById = new Map<string, string[]>();
    for (const { file, inRules, found } of literals) {
      if (!inRules) continue;
      for (const id of new Set(found.map((l) => l.id))) modulesById.set(id, [...(modulesById.get(id) ?? []), file]);
    }
    const wrong = Object.keys(RULES)
      .map((id) => ({ id, modules: modulesById.get(id) ?? [] }))
      .filter((x) => x.modules.length !== 1)
      .map((x) => `${x.id}: ${x.modules.length === 0 ? 'in no rules module' : x.modules.join(', ')}`);
    assert.deepEqual(wrong, []);
  });

  it('only looks rule ids up outside src/core/rules (src/ and emulator/)', () => {
    const raised = literals
      .filter((x) => !x.inRules)
      .flatMap(({ file, found }) => found.filter((l) => !l.reference).map((l) => `${file}:${l.line} raises ${l.id}`));
    assert.deepEqual(raised, []);
  });

  it('names only ids the table has', () => {
    const unknown = literals.flatMap(({ file, found }) => found.filter((l) => !(l.id in RULES)).map((l) => `${file}:${l.line} ${l.id}`));
    assert.deepEqual(unknown, []);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Dynamic: one bad value through every kind that can carry it

type Json = Record<string, unknown>;
type Kind = 'plan' | 'gateway' | 'migration' | 'numbersCsv' | 'emulator';

interface EmulatorCall {
  readonly service: 'provisioning' | 'arm';
  readonly method: 'PUT' | 'POST' | 'PATCH';
  readonly path: string;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

interface MessageCase {
  readonly ruleId: RuleId;
  /** The bad value, for the test's name. */
  readonly value: string;
  readonly plan?: string;
  readonly gateway?: string;
  readonly migration?: string;
  readonly numbersCsv?: string;
  /** Only for error rules: the emulator accepts what breaks a warning rule, as the service does. */
  readonly emulator?: EmulatorCall;
}

/** Rules only one kind can break, and why: they need no cross-kind case. */
const ONE_KIND: Readonly<Record<string, string>> = {
  'ACG-BATCH-001': 'a request limit: only a batch request can be too large',
  'ACG-RFI-003': 'a consent status is read-only: only the service (the emulator) sets it',
  'ACG-RFI-004': 'the reason placeholder is written by the plan quick fix',
  'ACG-TL-002': 'a warning about test line numbers: gateway files only (the emulator accepts warnings)',
  'ACG-GW-007': 'a warning: gateway files only (the emulator accepts warnings)',
  'ACG-GW-014': 'a warning: gateway files only (the emulator accepts warnings)',
  'ACG-GW-015': 'a warning: gateway files only (the emulator accepts warnings)',
  'ACG-GW-016': 'a warning: gateway files only (the emulator accepts warnings)',
};
const ONE_KIND_PREFIXES: Readonly<Record<string, string>> = {
  'ACG-PLAN-': 'rules across the records of one plan',
  'ACG-MIG-': 'migration runbooks only',
  'ACG-CSV-': 'the CSV file format itself',
  'ACG-TL-00': 'test lines taken together: gateway files only (ACG-TL-001 and -002 are single-line rules)',
  'ACG-LIVE-': 'live lookups on a gateway, not values in a file',
};

function oneKindReason(id: string): string | undefined {
  if (id === 'ACG-TL-001') return undefined;
  return ONE_KIND[id] ?? Object.entries(ONE_KIND_PREFIXES).find(([prefix]) => id.startsWith(prefix))?.[1];
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const TENANT = SEED_TENANT_IDS.northwind;
const clone = <T>(value: T): T => structuredClone(value);

/** Returns a copy of `base` with `value` at `path` (undefined removes it). */
function set(base: Json, path: readonly (string | number)[], value: unknown): Json {
  const copy = clone(base);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return copy;
}

const OC_NUMBER: Json = {
  telephoneNumber: '+442079460001',
  serviceDetails: {
    teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } },
  },
};
const TPM_NUMBER: Json = {
  telephoneNumber: '+447700900001',
  serviceDetails: { teamsPhoneMobile: { enabled: true, configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['Mobile'], allowTenantAddressUpdate: true } } },
};
const ACCOUNT: Json = {
  name: 'Contoso',
  correlationId: 'CRM-1',
  serviceDetails: {
    teamsTenantId: TENANT,
    teamsOperatorConnect: { enabled: true, syncEnabled: true },
    teamsPhoneMobile: { enabled: true, syncEnabled: true },
    teamsDirectRouting: { enabled: true, syncEnabled: true, configuration: { callScreening: false, subdomain: 'contoso', subdomainTokens: { region1Token: 'ms=abc1', region2Token: 'ms=abc2' } } },
  },
};
const RELATIONSHIP: Json = { tenantId: TENANT, customerRelationship: { status: 'AgreementSigned', comment: 'OPS-1' } };
const PLAN_GATEWAY: Json = { subscriptionId: SUBSCRIPTION_PRODUCTION, resourceGroup: GATEWAY_PRODUCTION.resourceGroup, name: 'contoso-gw' };

interface PlanParts {
  readonly numbers?: readonly Json[];
  readonly account?: Json;
  readonly relationship?: Json;
  readonly gateway?: Json;
}

function plan(parts: PlanParts = {}): string {
  return pretty({
    gateway: parts.gateway ?? PLAN_GATEWAY,
    accounts: [{ ...(parts.account ?? ACCOUNT), numbers: parts.numbers ?? [OC_NUMBER] }],
    relationships: [parts.relationship ?? RELATIONSHIP],
  });
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Json)[key] : undefined;
  return at;
}

/** A number CSV whose rows are `numbers`, written under the portal's headings (plus `extra` headings). */
function csv(numbers: readonly Json[], set: CsvColumnSetId = 'operatorConnect', extra: readonly string[] = []): string {
  const columns = [...CSV_COLUMN_SETS[set].columns.map((c) => ({ heading: c.heading, planPath: c.planPath })), ...extra.map((h) => ({ heading: h, planPath: h.split('_') }))];
  const text = (value: unknown) => (value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value));
  const rows = numbers.map((n) => columns.map((c) => csvCell(text(c.planPath.length === 1 && c.planPath[0] === 'accountName' ? (n['accountName'] ?? 'Contoso') : valueAt(n, c.planPath)))).join(','));
  return [columns.map((c) => c.heading).join(','), ...rows, ''].join('\n');
}

const MIGRATION: Json = {
  enterprise: { name: 'Contoso', tenantId: TENANT, accountName: 'Contoso' },
  target: 'OperatorConnect',
  users: [{ userPrincipalName: 'megan@contoso.example', telephoneNumber: '+442079460001', source: 'OperatorConnect' }],
};

const LAB: Json = JSON.parse(LAB_GATEWAY) as Json;
const PROD: Json = JSON.parse(PROD_GATEWAY) as Json;

function numbersCall(numbers: readonly Json[]): EmulatorCall {
  return {
    service: 'provisioning',
    method: 'POST',
    path: `/accounts/${BULK_ACCOUNT_NAME}:createOrUpdateNumbers`,
    body: { numbers: numbers.map((n) => ({ ...n, accountName: n['accountName'] ?? BULK_ACCOUNT_NAME })) },
  };
}

function accountCall(account: Json): EmulatorCall {
  return { service: 'provisioning', method: 'PUT', path: '/accounts/Contoso', body: account };
}

function relationshipCall(customerRelationship: Json): EmulatorCall {
  return {
    service: 'provisioning',
    method: 'PATCH',
    path: `/teamsRequestsForInformation/${TENANT}`,
    body: { customerRelationship },
    headers: { 'content-type': 'application/merge-patch+json' },
  };
}

const GATEWAY_PATH = `/subscriptions/${SUBSCRIPTION_PRODUCTION}/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways`;

/** A PUT of a new gateway, named after the rule so that a PUT the emulator wrongly accepts spoils no other case. */
function gatewayCall(ruleId: RuleId, gateway: Json): EmulatorCall {
  const name = ruleId.toLowerCase().replace(/^acg-/, 'gw-');
  return { service: 'arm', method: 'PUT', path: `${GATEWAY_PATH}/${name}`, body: { location: gateway['location'], tags: gateway['tags'], properties: gateway['properties'] } };
}

/** The same edit to a gateway file and to the body of a PUT of that gateway (warnings: the file only). */
function gatewayCase(ruleId: RuleId, value: string, base: Json, path: readonly (string | number)[], bad: unknown): MessageCase {
  const gateway = set(base, path, bad);
  return { ruleId, value, gateway: pretty(gateway), emulator: gatewayCall(ruleId, gateway) };
}

const ocNumber = (path: readonly (string | number)[], bad: unknown) => set(OC_NUMBER, path, bad);
const OC_CONFIG = ['serviceDetails', 'teamsOperatorConnect', 'configuration'] as const;

/** A number value through a plan, a CSV, a runbook (when it is the telephone number) and a batch request. */
function numberCase(ruleId: RuleId, value: string, n: Json, kinds: { readonly migration?: boolean; readonly emulator?: boolean } = {}): MessageCase {
  return {
    ruleId,
    value,
    plan: plan({ numbers: [n] }),
    numbersCsv: csv([n]),
    ...(kinds.migration ? { migration: pretty(set(MIGRATION, ['users', 0, 'telephoneNumber'], n['telephoneNumber'])) } : {}),
    ...(kinds.emulator === false ? {} : { emulator: numbersCall([n]) }),
  };
}

const telephone = (ruleId: RuleId, value: string, emulator = true) =>
  numberCase(ruleId, value, ocNumber(['telephoneNumber'], value), { migration: true, emulator });

const DR_CONFIG = ['serviceDetails', 'teamsDirectRouting', 'configuration'] as const;
const LOCATION0 = ['properties', 'serviceLocations', 0, 'primaryRegionProperties'] as const;
const SYNTAX_ERROR = '{\n  "accounts": [\n    {"name": "Contoso"}\n  ]\n  "users": []\n}\n';

const CASES: readonly MessageCase[] = [
  telephone('ACG-NUM-001', '+44 20 7946 0001'),
  telephone('ACG-NUM-002', '+4420794600012345'),
  telephone('ACG-NUM-003', '+4'),
  telephone('ACG-NUM-004', '442079460001'),
  telephone('ACG-NUM-005', '+9992079460001', false),
  numberCase('ACG-NUM-006', 'usage firstPartyAppAssignment', ocNumber([...OC_CONFIG, 'usage'], 'firstPartyAppAssignment')),
  numberCase('ACG-NUM-007', 'capability Outbound', ocNumber([...OC_CONFIG, 'choosableCapabilities'], ['Outbound'])),
  numberCase('ACG-NUM-008', 'capability Mobile on Operator Connect', ocNumber([...OC_CONFIG, 'choosableCapabilities'], ['InboundCalling', 'Mobile'])),
  numberCase('ACG-NUM-009', 'assignmentStatus Assigned', ocNumber(['serviceDetails', 'teamsOperatorConnect', 'assignmentStatus'], 'Assigned')),
  numberCase('ACG-NUM-010', 'CallingUserAssignment without an address', ocNumber([...OC_CONFIG, 'usage'], 'CallingUserAssignment'), { emulator: false }),
  numberCase('ACG-NUM-011', 'toll-free +18005550100 without displayedCountryCode', ocNumber(['telephoneNumber'], '+18005550100')),
  numberCase('ACG-NUM-012', 'custom SIP header "north wind"', ocNumber(['configuration'], { customSipHeader: 'north wind' })),
  {
    ruleId: 'ACG-NUM-013',
    value: 'a custom SIP header on a Teams Phone Mobile number',
    plan: plan({ numbers: [{ ...TPM_NUMBER, configuration: { customSipHeader: 'contoso' } }] }),
    numbersCsv: csv([{ ...TPM_NUMBER, configuration: { customSipHeader: 'contoso' } }], 'teamsPhoneMobile', ['configuration_customSipHeader']),
    emulator: numbersCall([{ ...TPM_NUMBER, configuration: { customSipHeader: 'contoso' } }]),
  },
  {
    ruleId: 'ACG-NUM-014',
    value: '+442079460001 twice',
    plan: plan({ numbers: [OC_NUMBER, OC_NUMBER] }),
    numbersCsv: csv([OC_NUMBER, OC_NUMBER]),
    migration: pretty(set(MIGRATION, ['users', 1], { userPrincipalName: 'lee@contoso.example', telephoneNumber: '+442079460001', source: 'OperatorConnect' })),
    emulator: numbersCall([OC_NUMBER, OC_NUMBER]),
  },
  {
    ruleId: 'ACG-ACC-001',
    value: 'account name "Contoso Ltd"',
    plan: plan({ account: set(ACCOUNT, ['name'], 'Contoso Ltd') }),
    numbersCsv: csv([{ ...OC_NUMBER, accountName: 'Contoso Ltd' }]),
    migration: pretty(set(MIGRATION, ['enterprise', 'accountName'], 'Contoso Ltd')),
    emulator: accountCall(set(ACCOUNT, ['name'], 'Contoso Ltd')),
  },
  { ruleId: 'ACG-ACC-002', value: 'subdomain contoso-finance', plan: plan({ account: set(ACCOUNT, [...DR_CONFIG, 'subdomain'], 'contoso-finance') }), emulator: accountCall(set(ACCOUNT, [...DR_CONFIG, 'subdomain'], 'contoso-finance')) },
  {
    ruleId: 'ACG-ACC-003',
    value: 'token ms=abc!',
    plan: plan({ account: set(ACCOUNT, [...DR_CONFIG, 'subdomainTokens', 'region1Token'], 'ms=abc!') }),
    emulator: accountCall(set(ACCOUNT, [...DR_CONFIG, 'subdomainTokens', 'region1Token'], 'ms=abc!')),
  },
  {
    ruleId: 'ACG-TEN-001',
    value: 'tenant contoso.onmicrosoft.com',
    plan: plan({ account: set(ACCOUNT, ['serviceDetails', 'teamsTenantId'], 'contoso.onmicrosoft.com') }),
    migration: pretty(set(MIGRATION, ['enterprise', 'tenantId'], 'contoso.onmicrosoft.com')),
    emulator: accountCall(set(ACCOUNT, ['serviceDetails', 'teamsTenantId'], 'contoso.onmicrosoft.com')),
  },
  { ruleId: 'ACG-REF-001', value: 'a 65-character correlationId', plan: plan({ account: set(ACCOUNT, ['correlationId'], 'x'.repeat(65)) }), emulator: accountCall(set(ACCOUNT, ['correlationId'], 'x'.repeat(65))) },
  {
    ruleId: 'ACG-RFI-001',
    value: 'status Signed',
    plan: plan({ relationship: set(RELATIONSHIP, ['customerRelationship', 'status'], 'Signed') }),
    emulator: relationshipCall({ status: 'Signed' }),
  },
  {
    ruleId: 'ACG-RFI-002',
    value: 'ConsentDeclined without a reason',
    plan: plan({ relationship: set(RELATIONSHIP, ['customerRelationship'], { status: 'ConsentDeclined' }) }),
    emulator: relationshipCall({ status: 'ConsentDeclined', comment: null }),
  },
  { ruleId: 'ACG-GW-001', value: 'name contoso_gw', plan: plan({ gateway: set(PLAN_GATEWAY, ['name'], 'contoso_gw') }), gateway: pretty(set(LAB, ['name'], 'contoso_gw')) },
  gatewayCase('ACG-GW-002', 'no platforms', LAB, ['properties', 'platforms'], []),
  gatewayCase('ACG-GW-003', 'platform Zoom', LAB, ['properties', 'platforms'], ['OperatorConnect', 'Zoom']),
  gatewayCase('ACG-GW-004', 'codec OPUS', LAB, ['properties', 'codecs'], ['PCMA', 'OPUS']),
  gatewayCase('ACG-GW-005', 'e911Type Enhanced', LAB, ['properties', 'e911Type'], 'Enhanced'),
  gatewayCase('ACG-GW-006', 'DirectToEsrp for Direct Routing only', set(LAB, ['properties', 'platforms'], ['TeamsDirectRouting']), ['properties', 'e911Type'], 'DirectToEsrp'),
  gatewayCase('ACG-GW-008', 'two service locations in eastus', PROD, ['properties', 'serviceLocations', 1, 'name'], 'EastUS'),
  gatewayCase('ACG-GW-009', 'no operator address', LAB, [...LOCATION0, 'operatorAddresses'], []),
  gatewayCase('ACG-GW-010', 'address 203.0.113.700', LAB, [...LOCATION0, 'operatorAddresses'], ['203.0.113.700']),
  gatewayCase('ACG-GW-011', 'allowlist entry 203.0.113.64', LAB, [...LOCATION0, 'allowedSignalingSourceAddressPrefixes'], ['203.0.113.64']),
  gatewayCase('ACG-GW-012', 'dial string 9-3-3', LAB, ['properties', 'emergencyDialStrings'], ['911', '9-3-3']),
  gatewayCase('ACG-GW-013', 'both kinds of Mobile Control Point', PROD, ['properties', 'onPremMcpEnabled'], true),
  gatewayCase('ACG-GW-017', 'SIP header name "x-contoso account"', LAB, ['properties', 'customSipHeaders', 'headers', 0, 'name'], 'x-contoso account'),
  {
    ruleId: 'ACG-TL-001',
    value: 'purpose Automatic',
    gateway: pretty(set(LAB, ['testLines', 0, 'properties', 'purpose'], 'Automatic')),
    emulator: { service: 'arm', method: 'PUT', path: `${GATEWAY_PATH}/${GATEWAY_PRODUCTION.name}/testLines/OC9`, body: { location: 'eastus', properties: { phoneNumber: '+442079460201', purpose: 'Automatic' } } },
  },
  gatewayCase('ACG-TAG-001', '51 tags', LAB, ['tags'], Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']))),
  gatewayCase('ACG-TAG-002', 'a 513-character tag name', LAB, ['tags'], { ['t'.repeat(513)]: 'x' }),
  gatewayCase('ACG-TAG-003', 'a 257-character tag value', LAB, ['tags'], { environment: 'v'.repeat(257) }),
  gatewayCase('ACG-TAG-004', 'tag name cost/center', LAB, ['tags'], { 'cost/center': 'x' }),
  numberCase('ACG-SCHEMA-001', 'a number without enabled', ocNumber(['serviceDetails', 'teamsOperatorConnect', 'enabled'], undefined)),
  numberCase('ACG-SCHEMA-002', 'enabled "TRUE"', ocNumber(['serviceDetails', 'teamsOperatorConnect', 'enabled'], 'TRUE')),
  gatewayCase('ACG-SCHEMA-003', 'connectivity Private', LAB, ['properties', 'connectivity'], 'Private'),
  numberCase('ACG-SCHEMA-004', 'displayedCountryCode us', ocNumber([...OC_CONFIG, 'displayedCountryCode'], 'us')),
  { ruleId: 'ACG-SCHEMA-004', value: 'subscriptionId contoso-lab', plan: plan({ gateway: set(PLAN_GATEWAY, ['subscriptionId'], 'contoso-lab') }), gateway: pretty(set(LAB, ['subscriptionId'], 'contoso-lab')) },
  { ruleId: 'ACG-SCHEMA-005', value: 'a property zzz', plan: pretty({ ...JSON.parse(plan()), zzz: 1 }), gateway: pretty({ ...LAB, zzz: 1 }), migration: pretty({ ...MIGRATION, zzz: 1 }) },
  { ruleId: 'ACG-SCHEMA-006', value: 'a missing comma', plan: SYNTAX_ERROR, gateway: SYNTAX_ERROR, migration: SYNTAX_ERROR },
];

const KINDS: readonly Exclude<Kind, 'emulator'>[] = ['plan', 'gateway', 'migration', 'numbersCsv'];

describe('one bad value, one message, in every kind that carries it', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  const bearer: Partial<Record<EmulatorCall['service'], string>> = {};

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-one-message-'));
    emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 } });
    const issuer = `${emulator.url}/${DEMO_TENANT_ID}/v2.0`;
    const app = { tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app' as const };
    bearer.provisioning = await emulator.context.tokens.issue({ ...app, aud: ACG_PROVISIONING_APP_ID, roles: ['ProvisioningAPI.Admin'] }, issuer);
    bearer.arm = await emulator.context.tokens.issue({ ...app, aud: 'https://management.azure.com/' }, issuer);
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function emulatorMessages(call: EmulatorCall, ruleId: string): Promise<string[]> {
    const base = call.service === 'arm' ? emulator.url : `${emulator.url}/provapi/${demoGatewayDomain(GATEWAY_PRODUCTION)}`;
    const version = call.service === 'arm' ? '2023-09-01' : '2024-02-29-preview';
    const res = await request(`${base}${call.path}?api-version=${version}`, {
      method: call.method,
      body: call.body,
      headers: { authorization: `Bearer ${bearer[call.service] ?? ''}`, ...call.headers },
      ca: emulator.caCertPem,
    });
    assert.equal(res.status, 400, res.text);
    const details = (res.body as { error?: { details?: { code: string; message: string }[] } }).error?.details ?? [];
    return details.filter((d) => d.code === ruleId).map((d) => d.message);
  }

  it('has a case for every rule more than one kind can break, and a reason for every other rule', () => {
    const cased = new Set(CASES.map((c) => c.ruleId));
    const neither = Object.keys(RULES).filter((id) => !cased.has(id as RuleId) && oneKindReason(id) === undefined);
    const both = [...cased].filter((id) => oneKindReason(id) !== undefined);
    assert.deepEqual({ neither, both }, { neither: [], both: [] });
    for (const c of CASES) {
      const kinds = [...KINDS.filter((k) => c[k] !== undefined), ...(c.emulator ? ['emulator'] : [])];
      assert.ok(kinds.length >= 2, `${c.ruleId} (${c.value}) goes through ${kinds.join(', ')} only`);
      if (c.emulator) assert.equal(RULES[c.ruleId].severity, 'error', `${c.ruleId}: the emulator rejects errors only`);
    }
  });

  for (const c of CASES) {
    it(`${c.ruleId}: ${c.value}`, async () => {
      const messages: Partial<Record<Kind, string[]>> = {};
      for (const kind of KINDS) {
        const text = c[kind];
        if (text !== undefined) messages[kind] = validateConfig(kind, text).filter((d) => d.ruleId === c.ruleId).map((d) => d.message);
      }
      if (c.emulator) messages.emulator = await emulatorMessages(c.emulator, c.ruleId);
      for (const [kind, found] of Object.entries(messages)) assert.ok(found.length > 0, `${kind} does not report ${c.ruleId}: ${JSON.stringify(messages)}`);
      const distinct = new Set(Object.values(messages).flat());
      assert.equal(distinct.size, 1, JSON.stringify(messages, null, 1));
    });
  }

  it('starts from documents that break nothing', () => {
    const clean: Record<string, string> = { plan: plan(), migration: pretty(MIGRATION), numbersCsv: csv([OC_NUMBER]), tpmCsv: csv([TPM_NUMBER], 'teamsPhoneMobile') };
    for (const [name, text] of Object.entries(clean)) {
      const kind = name === 'tpmCsv' ? 'numbersCsv' : (name as Exclude<Kind, 'emulator' | 'gateway'>);
      assert.deepEqual(validateConfig(kind, text).map((d) => `${d.ruleId} ${d.message}`), [], name);
    }
  });
});
