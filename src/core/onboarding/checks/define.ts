// Helpers every check module uses: typed definitions, manual steps, and the small wording shared between checks.
import type { CheckDefinition, CheckOutcome, CheckSource, CheckStage, Evidence, ManualMark, OnboardingData, ReadKey } from '../types';

/** Keeps `evaluate`'s parameter typed to exactly the keys the check reads. */
export function defineCheck<K extends ReadKey>(definition: CheckDefinition<K>): CheckDefinition<K> {
  return definition;
}

export interface ManualStep<K extends ReadKey> {
  readonly id: string;
  readonly title: string;
  readonly stage: CheckStage;
  readonly why: string;
  readonly source: CheckSource;
  /** What to do, shown while the step is not yet marked done. */
  readonly todo: string;
  /** Extra keys the step shows values from (the Operator Connect portal's app ids); `marks` is always read. */
  readonly reads?: readonly K[];
  readonly evidence?: (data: Pick<OnboardingData, K>) => readonly Evidence[];
}

/** A step only a person can do: 'manual' until marked done for this gateway, then 'pass' saying who marked it and when. */
export function manualCheck<K extends ReadKey = never>(step: ManualStep<K>): CheckDefinition<K | 'marks'> {
  return {
    id: step.id,
    title: step.title,
    stage: step.stage,
    why: step.why,
    source: step.source,
    manual: true,
    reads: [...(step.reads ?? []), 'marks'],
    evaluate(data) {
      const shown = step.evidence?.(data) ?? [];
      const mark = data.marks[step.id];
      if (mark?.done) return { status: 'pass', summary: `Marked done ${markedBy(mark)}.`, evidence: [...shown, ...markEvidence(mark)] };
      return { status: 'manual', summary: step.todo, evidence: shown };
    },
  };
}

function markedBy(mark: ManualMark): string {
  return mark.by ? `by ${mark.by} on ${mark.at}` : `on ${mark.at}`;
}

function markEvidence(mark: ManualMark): Evidence[] {
  return [{ label: 'Marked done', value: mark.at }, ...(mark.by ? [{ label: 'Marked by', value: mark.by }] : [])];
}

/** The outcome of a check that cannot judge until another check passes: it names that check and offers no fix. */
export function dependsOn(status: 'fail' | 'skipped', checkId: string, summary: string): CheckOutcome {
  return { status, summary: `${summary} Fix ${checkId} first.`, evidence: [{ label: 'Depends on', value: checkId }] };
}

/** "1 role" / "2 roles". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `now` to `iso` (negative when past), or undefined when `iso` is not a date. */
export function daysUntil(iso: string, now: Date): number | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return Math.floor((time - now.getTime()) / DAY_MS);
}

/** Whole days from `iso` to `now` (0 when `iso` is in the future), or undefined when `iso` is not a date. */
export function daysSince(iso: string, now: Date): number | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}
