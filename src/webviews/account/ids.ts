// Names package.json uses for the Account panel, in a module of their own so that activation can import them without
// loading the panel (or valibot, through its protocol).
export const ACCOUNT_VIEW_TYPE = 'acg.account';
/** The Numbers panel (helper nm-grid's command), opened for this account by "Manage Numbers…". */
export const MANAGE_NUMBERS_COMMAND = 'acg.numbers.manage';
