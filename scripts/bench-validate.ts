// Benchmark: validating a 100,000-number provisioning plan, next to two baselines measured in the same run.
//   npm run bench:validate            print the figures
//   npm run bench:validate -- --write also write them into docs/BENCHMARKS.md ("Configuration validation")
// Figures are medians of interleaved rounds after a warm-up. Goals (issue "Configuration files as code"): full validation at most 3× JSON.parse,
// at least 10× faster than vscode-json-languageservice with our schema, and under 100 ms to re-validate after a
// one-line edit (ConfigValidationSession). A second plan has a realistic 1% of its numbers broken (seeded: the
// engine's fast path only covers valid numbers, so the all-valid plan alone would flatter it); ACG_BENCH_SEED=<n>
// replays another draw.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeBenchmarkSection } from './bench/benchmarksDoc';
import { getLanguageService, TextDocument, type JSONSchema } from 'vscode-json-languageservice';
import { ConfigValidationSession, validateConfig } from '../src/core/config';

const ROOT = join(__dirname, '..');
const NUMBERS = 100_000;
const ROUNDS = 7;
/** Timed one-line edits; odd, so the median is one of them. */
const EDITS = 21;
const ERROR_RATE = 0.01;
const ERROR_SEED = Number(process.env.ACG_BENCH_SEED ?? 20261204);

/** A small seeded PRNG (mulberry32): the same seed draws the same broken numbers on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The mistakes people make in a numbers list, each a one-spot change of one number's JSON: a national number, a
 * wrong-case usage, a misspelt capability, a missing emergency address, a number listed twice, a SIP header with a
 * space. Each returns undefined where it does not apply to that number.
 */
const MISTAKES: readonly ((number: string, previous: string | undefined) => string | undefined)[] = [
  (n) => (n.includes('"telephoneNumber":"+4420') ? n.replace('"telephoneNumber":"+4420', '"telephoneNumber":"020 ') : undefined),
  (n) => (n.includes('"usage":"CallingUserAssignment"') ? n.replace('"usage":"CallingUserAssignment"', '"usage":"callingUserAssignment"') : undefined),
  (n) => (n.includes('"InboundCalling"') ? n.replace('"InboundCalling"', '"Inbound"') : undefined),
  (n) => (n.includes(',"locationId":') ? n.replace(/,"locationId":"[^"]*"/, '') : undefined),
  (n, previous) => {
    const tel = previous && /"telephoneNumber":"([^"]+)"/.exec(previous)?.[1];
    return tel ? n.replace(/"telephoneNumber":"[^"]+"/, `"telephoneNumber":"${tel}"`) : undefined;
  },
  (n) => (n.includes('"customSipHeader":"acct-') ? n.replace('"customSipHeader":"acct-', '"customSipHeader":"acct ') : undefined),
];

/** Breaks `number` with one of the mistakes that applies to it, chosen by `random`. */
function breakNumber(number: string, previous: string | undefined, random: () => number): string {
  const first = Math.floor(random() * MISTAKES.length);
  for (let k = 0; k < MISTAKES.length; k++) {
    const broken = MISTAKES[(first + k) % MISTAKES.length](number, previous);
    if (broken !== undefined) return broken;
  }
  return number;
}

/** A realistic plan: ten accounts, a mix of usages, emergency locations, SIP headers and Teams Phone Mobile numbers;
 * with `errors`, about that share of its numbers carries one mistake (drawn by its `random`). */
function generatePlan(count: number, errors?: { readonly rate: number; readonly random: () => number; broken: number }): string {
  const perAccount = count / 10;
  const accounts: string[] = [];
  for (let a = 0; a < 10; a++) {
    const numbers: string[] = [];
    for (let i = 0; i < perAccount; i++) {
      const n = a * perAccount + i;
      const tel = `+4420${String(30000000 + n)}`;
      const kind = n % 10;
      if (kind < 4) {
        numbers.push(`{"telephoneNumber":"${tel}","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"assignmentStatus":"assigned","configuration":{"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling","OutboundCalling"],"locationId":"a93408d4-1063-41ce-8a27-e5d7ee07f17d"}}}}`);
      } else if (kind < 8) {
        numbers.push(`{"telephoneNumber":"${tel}","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}},"configuration":{"customSipHeader":"acct-${a}"}}`);
      } else {
        numbers.push(`{"telephoneNumber":"+4477${String(10000000 + n)}","serviceDetails":{"teamsPhoneMobile":{"enabled":true,"configuration":{"usage":"CallingUserAssignment","choosableCapabilities":["Mobile"],"allowTenantAddressUpdate":true}}}}`);
      }
      if (errors && errors.random() < errors.rate) {
        numbers[numbers.length - 1] = breakNumber(numbers[numbers.length - 1], numbers[numbers.length - 2], errors.random);
        errors.broken++;
      }
    }
    accounts.push(
      `    {\n      "name": "Enterprise-${a}",\n      "serviceDetails": {"teamsOperatorConnect": {"enabled": true, "syncEnabled": true}, "teamsPhoneMobile": {"enabled": true, "syncEnabled": true}},\n      "numbers": [\n        ${numbers.join(',\n        ')}\n      ]\n    }`,
    );
  }
  return `{\n  "$schema": "../schemas/acg-plan.schema.json",\n  "accounts": [\n${accounts.join(',\n')}\n  ]\n}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const text = generatePlan(NUMBERS);
  const diagnostics = validateConfig('plan', text);
  const summary = diagnostics.map((d) => d.ruleId).join(', ') || 'none';
  const errors = { rate: ERROR_RATE, random: seeded(ERROR_SEED), broken: 0 };
  const withErrors = generatePlan(NUMBERS, errors);
  const errorFindings = validateConfig('plan', withErrors);
  const byRule = new Map<string, number>();
  for (const d of errorFindings) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
  const errorSummary = [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ×${count}`).join(', ');
  if (errorFindings.length < errors.broken) throw new Error(`The 1% plan should have at least ${errors.broken} findings, found ${errorFindings.length}`);

  // The plan names its schema with "$schema", as the samples do; VS Code resolves that relative path to our file, so
  // the language service gets a request service that does the same. Without it, it reports "Unable to load schema"
  // and validates nothing (a baseline that would look fast for the wrong reason).
  const schemaText = readFileSync(join(ROOT, 'schemas', 'acg-plan.schema.json'), 'utf8');
  const schema = JSON.parse(schemaText) as JSONSchema;
  const service = getLanguageService({ schemaRequestService: () => Promise.resolve(schemaText) });
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'urn:acg-tools:schema:acg-plan', fileMatch: ['*.acg-plan.json'], schema }] });
  const messageOf = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);
  const languageServiceCheck = async (body: string) => {
    const doc = TextDocument.create('file:///bench/check.acg-plan.json', 'json', 1, body);
    return service.doValidation(doc, service.parseJSONDocument(doc));
  };
  const broken = await languageServiceCheck(readFileSync(join(ROOT, 'samples', 'broken.acg-plan.json'), 'utf8'));
  if (broken.length < 5 || broken.some((d) => /Unable to load schema/.test(messageOf(d)))) {
    throw new Error(`The language service baseline is not validating against the schema: ${broken.map(messageOf).join('; ')}`);
  }
  const document = TextDocument.create('file:///bench/big.acg-plan.json', 'json', 1, text);
  const runLanguageService = async () => {
    const found = await service.doValidation(document, service.parseJSONDocument(document));
    if (found.length > 0) throw new Error(`Unexpected language service findings: ${found.slice(0, 3).map(messageOf).join('; ')}`);
  };
  const session = new ConfigValidationSession('plan');

  // Rounds interleave the measurements, so that a busy moment of a shared machine weighs on all of them alike. Each
  // one records wall time and this process's CPU time: on a shared machine wall time includes waiting for a core,
  // CPU time is what the code itself costs (it includes V8's GC helper threads).
  // Each measurement starts from a collected heap, so that one does not pay for another's garbage (the language
  // service leaves a large AST behind). The npm script runs node with --expose-gc.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const series = () => ({ wall: [] as number[], cpu: [] as number[] });
  const times = { parse: series(), ours: series(), languageService: series(), sessionFull: series(), parseErrors: series(), oursErrors: series(), sessionErrors: series() };
  const time = async (into: { wall: number[]; cpu: number[] }, work: () => unknown) => {
    collect();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work();
    into.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    into.cpu.push((used.user + used.system) / 1000);
  };
  JSON.parse(text);
  validateConfig('plan', text);
  await runLanguageService();
  for (let round = 0; round < ROUNDS; round++) {
    await time(times.parse, () => JSON.parse(text));
    await time(times.ours, () => validateConfig('plan', text));
    await time(times.languageService, runLanguageService);
    session.reset();
    await time(times.sessionFull, () => session.update(text));
    await time(times.parseErrors, () => JSON.parse(withErrors));
    await time(times.oursErrors, () => validateConfig('plan', withErrors));
    session.reset();
    await time(times.sessionErrors, () => session.update(withErrors));
  }
  const figure = (s: { wall: number[]; cpu: number[] }) => ({ wall: median(s.wall), cpu: median(s.cpu) });
  const parse = figure(times.parse);
  const ours = figure(times.ours);
  const languageService = figure(times.languageService);
  const sessionFull = figure(times.sessionFull);
  const parseErrors = figure(times.parseErrors);
  const oursErrors = figure(times.oursErrors);
  const sessionErrors = figure(times.sessionErrors);

  // One-line edits in the middle of the file: alternate a number between E.164 and a national form, so that each
  // update is a real change and half of them add a diagnostic.
  const target = '"+442030050000"';
  const at = text.indexOf(target);
  const variants = [text, text.slice(0, at) + '"020 3005 0000"' + text.slice(at + target.length)];
  session.reset();
  session.update(text);
  const edits = series();
  const modes = new Set<string>();
  for (let i = 1; i <= EDITS; i++) {
    await time(edits, () => session.update(variants[i % 2]));
    modes.add(session.lastMode);
  }
  const incremental = figure(edits);

  const mb = (text.length / 1e6).toFixed(1);
  const rows = [
    ['JSON.parse (the floor)', parse, '1.0×', ''],
    ['acg validateConfig (schema + semantic)', ours, `${(ours.cpu / parse.cpu).toFixed(2)}× JSON.parse`, ours.cpu <= 3 * parse.cpu ? 'goal ≤ 3× JSON.parse: met' : 'goal ≤ 3× JSON.parse: MISSED'],
    [
      'vscode-json-languageservice parse + doValidation (our schema)',
      languageService,
      `${(languageService.cpu / parse.cpu).toFixed(1)}× JSON.parse; acg is ${(languageService.cpu / ours.cpu).toFixed(1)}× faster`,
      languageService.cpu >= 10 * ours.cpu ? 'goal acg ≥ 10× faster: met' : 'goal acg ≥ 10× faster: MISSED',
    ],
    ['ConfigValidationSession, first update (full, builds the index)', sessionFull, `${(sessionFull.cpu / parse.cpu).toFixed(2)}× JSON.parse`, ''],
    [
      `acg validateConfig, ${ERROR_RATE * 100}% of numbers with a mistake (seed ${ERROR_SEED})`,
      oursErrors,
      `${(oursErrors.cpu / parseErrors.cpu).toFixed(2)}× its JSON.parse (${ms(parseErrors.cpu)}); ${(oursErrors.cpu / ours.cpu).toFixed(2)}× the valid plan`,
      oursErrors.cpu <= 3 * parseErrors.cpu ? 'goal ≤ 3× JSON.parse: met' : 'goal ≤ 3× JSON.parse: MISSED',
    ],
    [`ConfigValidationSession, first update, ${ERROR_RATE * 100}% with a mistake`, sessionErrors, `${(sessionErrors.cpu / parseErrors.cpu).toFixed(2)}× its JSON.parse`, ''],
    [
      'ConfigValidationSession, one-line edit',
      incremental,
      `${(incremental.cpu / parse.cpu).toFixed(3)}× JSON.parse (${[...modes].join('/')})`,
      incremental.cpu < 100 ? 'goal < 100 ms: met' : 'goal < 100 ms: MISSED',
    ],
  ] as const;

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  console.log(`Plan: ${NUMBERS.toLocaleString('en-US')} numbers in 10 accounts, ${mb} MB; diagnostics: ${summary}`);
  console.log(`With mistakes (seed ${ERROR_SEED}): ${errors.broken.toLocaleString('en-US')} numbers broken; ${errorFindings.length.toLocaleString('en-US')} findings: ${errorSummary}`);
  console.log(`Machine: ${machine}; medians of ${ROUNDS} interleaved rounds after a warm-up, and of ${EDITS} edits`);
  console.log(`${'measurement'.padEnd(64)} ${'CPU'.padStart(9)} ${'wall'.padStart(9)}`);
  for (const [name, value, ratio, goal] of rows) console.log(`${name.padEnd(64)} ${ms(value.cpu).padStart(9)} ${ms(value.wall).padStart(9)}  ${ratio}${goal ? `  [${goal}]` : ''}`);

  if (process.argv.includes('--write')) {
    const table = [
      '| Measurement | CPU time | Wall time | Ratio (CPU) | Goal |',
      '|---|---:|---:|---|---|',
      ...rows.map(([name, value, ratio, goal]) => `| ${name} | ${ms(value.cpu)} | ${ms(value.wall)} | ${ratio} | ${goal || '–'} |`),
    ].join('\n');
    writeBenchmarkSection('validate', [
      '## Configuration validation',
      '',
      'Command: `npm run bench:validate` (add `-- --write` to update this section). Script: `scripts/bench-validate.ts`.',
      '',
      `A generated provisioning plan: ${NUMBERS.toLocaleString('en-US')} numbers in 10 accounts, one number per line, ${mb} MB`,
      `(about 200 bytes per number in the Provisioning API's shape). Its only diagnostics: ${summary}.`,
      `The same plan with ${ERROR_RATE * 100}% of its numbers broken, one mistake each, drawn with seed ${ERROR_SEED} (\`ACG_BENCH_SEED=<n>\` draws`,
      `another): ${errors.broken.toLocaleString('en-US')} numbers, ${errorFindings.length.toLocaleString('en-US')} findings (${errorSummary}). The all-valid plan`,
      'runs only the fast path; this one sends each broken number (and its duplicates) through the full rule validators.',
      `Machine: ${machine}; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} when the run ended, with other helpers' builds and tests running on the same 2 cores.`,
      `Medians of ${ROUNDS} interleaved rounds after a warm-up (${EDITS} timed edits), all from one run.`,
      '',
      table,
      '',
      'Ratios are the figures to read, on CPU time: the machine is shared (2 cores, other builds and browsers running),',
      'so wall time includes waiting for a core and varies by several times between runs. The rounds interleave the',
      "measurements, and the heap is collected before each one (node --expose-gc), so none pays for another one's garbage.",
      '',
      'What limits the figures:',
      '- JSON.parse is the floor: the engine parses with it, then makes one pass over the parsed numbers (a fast path',
      '  that hands a number to the full rule validators only when something may be wrong), hashes each number once for',
      '  duplicates, and scans the text once to place diagnostics that lie in or after a numbers list (here the',
      '  ACG-PLAN-001 warning on the "accounts" key, since a later duplicate "accounts" key would win in JSON.parse).',
      '- The language service builds a full AST and walks it against the schema: about 12 to 15 times JSON.parse in CPU',
      '  time here. Being 10 times faster than it therefore leaves the engine about 25% on top of JSON.parse; it adds',
      '  about 55% (in one measurement: 93 ms for the number checks and duplicate hashing and ~50 ms for the scan that',
      '  places the warning, over 193 ms of JSON.parse). That goal is missed; the JSON.parse floor is what bounds it.',
      "- A session's one-line edit re-parses only the edited numbers, shifts the rest and re-counts duplicates",
      '  incrementally; what remains is a native compare of the old and new text to find the edit, and placing the global',
      '  diagnostics with the index kept from the last run.',
    ]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
