// One entry point per file kind. JSON kinds share parsing, locating and fix building (json/); CSV has its own.
import { jsonSyntaxError } from '../rules/schemaRules';
import { validateCsv } from './csv/validateCsv';
import { diagnosticAt } from './diagnostic';
import { parseJsonDocument, type JsonDocument } from './json/document';
import { sortDiagnostics, toDiagnostic, type Finding } from './json/findings';
import { gatewayFindings } from './gateway/validateGateway';
import { migrationFindings } from './migration/validateMigration';
import { planFindings } from './plan/validatePlan';
import type { ConfigDiagnostic, ConfigKind, ValidateOptions } from './types';

export function syntaxDiagnostics(doc: JsonDocument): ConfigDiagnostic[] {
  return doc.syntaxErrors.map((e) => diagnosticAt(jsonSyntaxError(e.code), { start: e.start, end: e.end }));
}

function jsonFindings(kind: Exclude<ConfigKind, 'numbersCsv'>, value: unknown, options: ValidateOptions): Finding[] {
  switch (kind) {
    case 'plan':
      return planFindings(value, options.defaultCountry);
    case 'gateway':
      return gatewayFindings(value);
    case 'migration':
      return migrationFindings(value);
  }
}

/** Validates a parsed JSON config document: syntax errors first, then everything the value breaks. */
export function validateJsonDocument(kind: Exclude<ConfigKind, 'numbersCsv'>, doc: JsonDocument, options: ValidateOptions = {}): ConfigDiagnostic[] {
  const diagnostics = syntaxDiagnostics(doc);
  // An empty or unreadable document has nothing more to say than its syntax error.
  if (doc.value === undefined) return diagnostics;
  for (const f of jsonFindings(kind, doc.value, options)) diagnostics.push(toDiagnostic(doc, f));
  return sortDiagnostics(diagnostics);
}

/**
 * Validates the text of a config file of the given kind: schema checks (required values, types, enums, formats,
 * unknown properties) and semantic rules (duplicates, cross-field and cross-record rules, limits). Every diagnostic
 * has an exact range, a rule id with its source, related places where two places conflict, and quick fixes where a
 * fix is certain enough. Pure and synchronous; never reads files or the network.
 */
export function validateConfig(kind: ConfigKind, text: string, options: ValidateOptions = {}): ConfigDiagnostic[] {
  if (kind === 'numbersCsv') return validateCsv(text, options).diagnostics;
  return validateJsonDocument(kind, parseJsonDocument(text), options);
}
