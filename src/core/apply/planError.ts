// Why a plan cannot be made or a saved plan cannot be used. Core cannot throw the azure layer's AcgError, so this is
// its pure counterpart: a message a person can act on (with where and why), and the individual problems for faces that
// list them. Branded like AcgError, since errors cross the extension's lazily loaded bundles.

export type PlanErrorKind =
  /** The desired state asks for something plan cannot do safely (a number in another account, an unknown tenant…). */
  | 'conflict'
  /** A saved-plan file that is not JSON, not a saved plan, of another format version, or inconsistent (edited). */
  | 'badSavedPlan';

const BRAND = Symbol.for('acg-tools.PlanError');
/** At most this many problems are spelled out in the message; all of them stay in `problems`. */
const SHOWN_PROBLEMS = 5;

export class PlanError extends Error {
  readonly [BRAND] = true;
  override readonly name = 'PlanError';

  constructor(
    readonly kind: PlanErrorKind,
    /** What was being read or planned: the saved plan's path, or the desired file's. */
    readonly source: string,
    readonly problems: readonly string[],
    headline: string,
  ) {
    super(PlanError.compose(headline, problems));
  }

  private static compose(headline: string, problems: readonly string[]): string {
    if (problems.length === 0) return headline;
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `\n  - ${p}`).join('');
    const more = problems.length > SHOWN_PROBLEMS ? `\n  - … and ${problems.length - SHOWN_PROBLEMS} more` : '';
    return `${headline}${shown}${more}`;
  }
}

export function isPlanError(error: unknown, kind?: PlanErrorKind): error is PlanError {
  if (typeof error !== 'object' || error === null || !(BRAND in error)) return false;
  return kind === undefined || (error as PlanError).kind === kind;
}
