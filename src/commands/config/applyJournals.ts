// Where the editor's applies keep their records: the extension's global storage, one saved plan and one journal per
// run, named by the time and the plan's hash ("2026-12-03T23-50-01-123Z-1a2b3c4d5e6f.journal.jsonl"), so runs never
// share a journal and the palette's Resume can list the unfinished ones.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseAnySavedPlan, planToJson, readJournal } from '../../core/apply';
import type { AnyPlan } from '../../core/apply/planSummary';
import type { JournalEntry, JournalState } from '../../core/apply/types';
import { AcgError } from '../../azure/errors';
import { sha256Hex } from './planFlow';

export const JOURNAL_FOLDER = 'plan-journals';
const JOURNAL_SUFFIX = '.journal.jsonl';

export interface ApplyRecord {
  readonly planPath: string;
  readonly planSha256: string;
  readonly journalPath: string;
}

/** Saves the plan (whole or not at all) and names the journal beside it. */
export async function newApplyRecord(storage: string, plan: AnyPlan, now: Date): Promise<ApplyRecord> {
  const folder = path.join(storage, JOURNAL_FOLDER);
  await mkdir(folder, { recursive: true });
  const text = planToJson(plan);
  const planSha256 = sha256Hex(text);
  const stem = `${now.toISOString().replace(/[:.]/g, '-')}-${planSha256.slice(0, 12)}`;
  const planPath = path.join(folder, `${stem}.plan.json`);
  const temporary = `${planPath}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, planPath);
  return { planPath, planSha256, journalPath: path.join(folder, `${stem}${JOURNAL_SUFFIX}`) };
}

type StartEntry = Extract<JournalEntry, { type: 'start' }>;

export interface UnfinishedApply {
  readonly journalPath: string;
  readonly start: StartEntry;
  readonly state: JournalState;
}

function startOf(text: string): StartEntry | undefined {
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<StartEntry> | null;
      if (entry?.type === 'start' && typeof entry.planPath === 'string' && typeof entry.planSha256 === 'string' && typeof entry.gateway === 'string') return entry as StartEntry;
    } catch {
      // A torn or foreign line: the replay counts it; here it is just not the start.
    }
  }
  return undefined;
}

export async function readApply(journalPath: string): Promise<UnfinishedApply> {
  let text: string;
  try {
    text = await readFile(journalPath, 'utf8');
  } catch (error) {
    throw new AcgError({ kind: 'notFound', message: `The apply journal ${journalPath} cannot be read: ${(error as Error).message}`, cause: error });
  }
  const start = startOf(text);
  if (!start) throw new AcgError({ kind: 'badRequest', message: `${journalPath} is not an apply journal: it has no 'start' entry naming its plan.` });
  return { journalPath, start, state: readJournal(text) };
}

/** Journals in storage whose apply has not completed, newest first. */
export async function unfinishedApplies(storage: string): Promise<UnfinishedApply[]> {
  const folder = path.join(storage, JOURNAL_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: UnfinishedApply[] = [];
  for (const name of names.filter((n) => n.endsWith(JOURNAL_SUFFIX)).sort().reverse()) {
    try {
      const apply = await readApply(path.join(folder, name));
      if (apply.state.ended !== 'completed') found.push(apply);
    } catch {
      // Not a journal of ours (or unreadable): not offered.
    }
  }
  return found;
}

/** The plan a journal names, checked against the hash the journal recorded. */
export async function planOf(apply: UnfinishedApply): Promise<AnyPlan> {
  const planPath = path.isAbsolute(apply.start.planPath) ? apply.start.planPath : path.resolve(path.dirname(apply.journalPath), apply.start.planPath);
  let text: string;
  try {
    text = await readFile(planPath, 'utf8');
  } catch (error) {
    throw new AcgError({ kind: 'notFound', message: `The plan of ${path.basename(apply.journalPath)} (${planPath}) cannot be read: ${(error as Error).message}`, cause: error });
  }
  if (sha256Hex(text) !== apply.start.planSha256) throw new AcgError({ kind: 'badRequest', message: `${planPath} is not the plan ${path.basename(apply.journalPath)} was started with (its hash differs): it cannot be resumed safely.` });
  return parseAnySavedPlan(text, planPath);
}
