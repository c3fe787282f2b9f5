// One table of exit codes for every `acg` command. 2 belongs to `acg plan` alone ("there are changes", as
// `terraform plan -detailed-exitcode`), so a pipeline can tell "changes to apply" from a usage mistake or a failure of
// any command: those have codes of their own that no command uses for anything else.
export const EXIT = {
  /** Done; nothing wrong found (acg plan: no changes). */
  ok: 0,
  /** The command ran and found something wrong or did not finish its work: acg validate errors, a failing check, an
   * export stopped partway, a desired file with errors (plan, apply), an apply with failed, drifted or not-started
   * changes (cancelled, declined). */
  problems: 1,
  /** acg plan only: the plan has changes to apply. */
  changes: 2,
  /** The command could not run: unreadable file, sign-in, network, gateway or account not found, a stale plan. */
  failed: 3,
  /** Usage error: an unknown option, a missing or bad value. */
  usage: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The lines `acg --help` ends with; each command's own --help names the codes it uses. */
export const EXIT_CODES_HELP = `Exit codes (every command): 0 success (acg plan: no changes); 1 problems found or work not finished (validate
errors, a failing check, an export or apply stopped partway, a plan file with errors); 2 acg plan only: there are
changes to apply; 3 the command could not run (unreadable file, sign-in, network, gateway not found, stale plan);
4 usage error.`;
