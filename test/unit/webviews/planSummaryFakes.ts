// What the Plan Summary's host tests run on: the command ids it executes and a plan view with one change to apply.
import type { PlanSummaryView } from '../../../src/core/apply/planSummary';

export const PLAN_COMMANDS = { plan: 'acg.config.plan', apply: 'acg.config.apply', resume: 'acg.config.resume' };

export const PLAN_VIEW: PlanSummaryView = {
  desiredUri: 'file:///w/fabrikam.acg-plan.json',
  fileName: 'fabrikam.acg-plan.json',
  gateway: 'lab.example.com',
  liveReadAt: '2026-12-01T10:00:00.000Z',
  summary: 'Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged.',
  counts: { create: 1, update: 0, delete: 0, noop: 0 },
  estimate: '1 s',
  estimateDetail: '',
  prune: false,
  groups: [],
  hasChanges: true,
};
