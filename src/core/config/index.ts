// The configuration engine: validation, quick fixes and conversions for the four config file kinds
// (*.acg-gateway.json, *.acg-plan.json, *.acg-numbers.csv, *.acg-migration.json). Pure: text in, results out.
// The VS Code faces (diagnostics, code actions, commands) and the CLI (`acg validate`) both use only this module.
export type {
  ConfigDiagnostic,
  ConfigFileKind,
  ConfigFix,
  ConfigFixCommand,
  ConfigKind,
  ConfigRelatedInformation,
  ConfigTextEdit,
  LineColumn,
  SplitPart,
  TextRange,
  ValidateOptions,
} from './types';
export type {
  DeploymentKind,
  GatewayDocument,
  GatewayTestLineEntry,
  MigrationDocument,
  MigrationSource,
  MigrationTarget,
  MigrationUser,
  PlanAccount,
  PlanDocument,
  PlanNumber,
  PlanRelationship,
} from './model';
export { CONFIG_FILE_GLOBS, CONFIG_KINDS, SCHEMA_FILES, configKindOf, partFileName } from './kinds';
export { LineMap, offsetToLineColumn } from './lineMap';
export { applyEdits } from './edits';
export { validateConfig } from './validate';
export { ConfigValidationSession, type SessionMode } from './session';
export { csvToPlan, type CsvToPlanOptions, type CsvToPlanResult } from './csv/toPlan';
export { splitCsv } from './csv/split';
export { planToText } from './plan/format';
export { splitPlan, PLAN_SPLIT_MAX_NUMBERS } from './plan/split';
export { migrationToPowerShell, type PowerShellResult } from './migration/powershell';
export { CSV_COLUMN_SETS, type CsvColumn, type CsvColumnSet, type CsvColumnSetId } from './csvColumns';
