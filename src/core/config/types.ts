// The engine's public shapes. Everything is offsets into the text it was given: the editor turns them into positions,
// the CLI into 1-based line:column. Nothing here knows about VS Code.
import type { Severity } from '../rules/types';

/** The four configuration file kinds (DESIGN.md "Config files as code"). */
export type ConfigKind = 'gateway' | 'plan' | 'numbersCsv' | 'migration';
/** Same as {@link ConfigKind}; the name the issue uses. */
export type ConfigFileKind = ConfigKind;

/** Half-open range of UTF-16 offsets into the validated text: `text.slice(start, end)` is what it points at. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface ConfigTextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/**
 * A fix that changes files beyond the edited one. The face runs it on request (it creates files, so it should ask):
 * `splitPlan` → call {@link splitPlan} on the document text; `splitCsv` → call {@link splitCsv}.
 */
export type ConfigFixCommand = 'splitPlan' | 'splitCsv';

export interface ConfigFix {
  readonly title: string;
  readonly kind: 'quickfix';
  /** Edits to the validated text, non-overlapping. Empty when `command` is set: that fix cannot be expressed as edits. */
  readonly edits: readonly ConfigTextEdit[];
  readonly isPreferred?: boolean;
  readonly command?: ConfigFixCommand;
}

export interface ConfigRelatedInformation {
  readonly message: string;
  readonly range: TextRange;
}

export interface ConfigDiagnostic {
  /** Stable id from the rule table (`RULES`), e.g. `ACG-NUM-001`. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** The rule's source (docs page or spec), for the diagnostic's code link and SARIF helpUri. */
  readonly sourceUrl: string;
  /** The other place(s) involved when two places conflict (the first occurrence of a duplicate, an overlapping prefix). */
  readonly related?: readonly ConfigRelatedInformation[];
  readonly fixes?: readonly ConfigFix[];
}

export interface ValidateOptions {
  /**
   * ISO 3166 alpha-2 country (such as "GB") for numbers written in national format, so that "020 7946 0000" gets a
   * quick fix to "+442079460000". A plan's own `defaultCountry` (root or account) wins over this.
   */
  readonly defaultCountry?: string;
}

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units (as VS Code and SARIF's default columnKind count). */
  readonly column: number;
}

export interface SplitPart {
  /**
   * '' for the first part, which stays in the original file (replace its whole text); '.part2', '.part3', … for the
   * others, to be created as new files next to it: see {@link partFileName}.
   */
  readonly fileSuffix: string;
  readonly text: string;
}
