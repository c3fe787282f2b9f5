// Plan and apply in the editor, one lazy bundle (esbuild.mjs LAZY_BUNDLES.planApply): the planners, the executors and
// the journal code load on the first Plan, Apply or Resume, never at activation.
export { planDesiredFile } from './planFlow';
export { applyDesiredFile, resumeApply } from './applyFlow';
