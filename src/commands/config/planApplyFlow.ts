// Plan and apply in the editor, one lazy bundle (esbuild.mjs LAZY_BUNDLES.planApply): the planner, the executor and
// the journal code load on the first Plan, Apply or Resume, never at activation.
export { planProvisioningFile } from './planFlow';
export { applyProvisioningFile, resumeProvisioningApply } from './applyFlow';
