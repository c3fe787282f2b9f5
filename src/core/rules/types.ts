// The shape every rule and every finding shares, so that the editor, the CLI and the emulator report alike.

export type Severity = 'error' | 'warning' | 'info';

/** One row of the rule table: a stable id, a message, a severity and where the rule comes from. */
export interface RuleDefinition {
  /** Stable id such as `ACG-NUM-001`. Never reuse or renumber: diagnostics, SARIF and docs link to it. */
  readonly id: string;
  /** Short title, e.g. "Telephone number format". */
  readonly title: string;
  /** Default message, phrased as what is wrong and what is expected. */
  readonly message: string;
  readonly severity: Severity;
  /** Human name of the source, e.g. "tsp NumberResource" or "docs manage-enterprise-operator-connect.md". */
  readonly source: string;
  /** Link to the source. */
  readonly sourceUrl: string;
}

/** A path into the checked value, as jsonc-parser understands it (`['numbers', 3, 'telephoneNumber']`). */
export type ValuePath = readonly (string | number)[];

/** One broken rule at one place. */
export interface RuleViolation {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Message for this occurrence (the rule's message, made specific). */
  readonly message: string;
  readonly path: ValuePath;
  /**
   * A corrected value for the whole value at `path`, set only when the fix is certain enough to offer as a quick fix
   * (for example a 2023-format number with its `+` restored, or `true` for the text "TRUE").
   */
  readonly replacement?: Replacement;
  /** Point at the property name instead of its value (unknown properties, bad tag names, rules about a whole list). */
  readonly target?: 'key';
  /** Other places that take part, such as the first occurrence of a repeated value. */
  readonly related?: readonly RelatedPlace[];
}

export type Replacement = string | number | boolean;

export interface RelatedPlace {
  readonly path: ValuePath;
  readonly message: string;
}
