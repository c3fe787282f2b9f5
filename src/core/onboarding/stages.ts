// The stages and statuses as people read them: display order and words. Plain data, so that the webview bundle, the
// CLI and the Markdown report share one wording.
import type { CheckStage, CheckStatus } from './types';

/** The order of the onboarding guides. */
export const STAGES: readonly { readonly id: CheckStage; readonly title: string }[] = [
  { id: 'deployment', title: 'Deployment' },
  { id: 'entra', title: 'Microsoft Entra ID' },
  { id: 'operatorConnect', title: 'Operator Connect' },
  { id: 'teamsPhoneMobile', title: 'Teams Phone Mobile' },
  { id: 'goLive', title: 'Go-live readiness' },
];

/** Words, never colour alone: every face shows the status label beside its icon. */
export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  pass: 'Passed',
  fail: 'Failed',
  warn: 'Warning',
  manual: 'Manual step',
  skipped: 'Skipped',
  error: 'Could not check',
};

/** Most urgent first: the order counts and summaries list statuses in. */
export const STATUS_ORDER: readonly CheckStatus[] = ['fail', 'error', 'warn', 'manual', 'pass', 'skipped'];

export function stageTitle(stage: CheckStage): string {
  return STAGES.find((s) => s.id === stage)?.title ?? stage;
}

const plural = (word: string) => (n: number) => `${n} ${word}${n === 1 ? '' : 's'}`;
const COUNT_WORDS: Readonly<Record<CheckStatus, (n: number) => string>> = {
  fail: (n) => `${n} failed`,
  error: (n) => `${n} could not check`,
  warn: plural('warning'),
  manual: plural('manual step'),
  pass: (n) => `${n} passed`,
  skipped: (n) => `${n} skipped`,
};

/** "3 failed", "14 manual steps": how many checks ended with a status, as a summary says it. */
export function statusCount(status: CheckStatus, count: number): string {
  return COUNT_WORDS[status](count);
}
