// Validation that keeps state between versions of one document, for the editor: validate on every (debounced) edit
// without paying for the whole file each time. Plans, which can hold 100,000 numbers, are incremental (an edit inside
// a numbers list re-checks only the numbers it touched); the other kinds are small and are validated in full.
import { buildPlanState, updatePlanState, type PlanState } from './session/planState';
import type { ConfigDiagnostic, ConfigKind, ValidateOptions } from './types';
import { validateConfig } from './validate';

/** How the last update was answered: for logs, tests and benchmarks. */
export type SessionMode = 'full' | 'incremental' | 'broken' | 'cached';

export class ConfigValidationSession {
  private mode: SessionMode = 'full';
  private lastText: string | undefined;
  private lastDiagnostics: ConfigDiagnostic[] = [];
  /** The last plan text that parsed, with its index; kept while the document is momentarily broken. */
  private plan: PlanState | undefined;

  constructor(
    readonly kind: ConfigKind,
    private readonly options: ValidateOptions = {},
  ) {}

  /**
   * The diagnostics for `text`, the document's full current text. Results equal `validateConfig(kind, text)`; only
   * the cost differs. While an edit leaves a numbers list momentarily unparsable, the syntax error is shown together
   * with the last diagnostics of everything around it.
   */
  update(text: string): ConfigDiagnostic[] {
    if (text === this.lastText) {
      this.mode = 'cached';
      return this.lastDiagnostics;
    }
    this.lastDiagnostics = this.validate(text);
    this.lastText = text;
    return this.lastDiagnostics;
  }

  /** How the last {@link update} was answered. */
  get lastMode(): SessionMode {
    return this.mode;
  }

  /** Forgets all state (for example after the document was replaced wholesale). */
  reset(): void {
    this.lastText = undefined;
    this.lastDiagnostics = [];
    this.plan = undefined;
  }

  private validate(text: string): ConfigDiagnostic[] {
    this.mode = 'full';
    if (this.kind !== 'plan') return validateConfig(this.kind, text, this.options);
    if (this.plan) {
      const result = updatePlanState(this.plan, text);
      if (result.kind !== 'notApplicable') {
        this.mode = result.kind === 'committed' ? 'incremental' : 'broken';
        return result.diagnostics;
      }
    }
    this.plan = buildPlanState(text, this.options);
    return this.plan ? this.plan.output : validateConfig(this.kind, text, this.options);
  }
}
