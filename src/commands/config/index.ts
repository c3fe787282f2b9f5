// The configuration-file commands, one lazy bundle (esbuild.mjs): they are reached from the palette or the explorer
// only, so activation need not parse them; the first of them loads all five.
export { convertCsvToPlan } from './convertCsvToPlan';
export { generatePowerShell } from './generatePowerShell';
export { splitCsv } from './splitCsv';
export { splitPlan } from './splitPlan';
export { validateWorkspace } from './validateWorkspace';
