// The services' published limits, in one place: the rules check against them, the clients batch and pace by them, and
// the emulator enforces them. Kept apart from the checks (./rules/phoneNumber loads libphonenumber-js), so a face that
// only needs a number, such as the numbers tree, does not load the rule engine at activation.

/** At most this many numbers per Provisioning API batch request (`:createOrUpdateNumbers`, `:deleteNumbers`). */
export const BATCH_MAX_NUMBERS = 100;
/** At most this many data rows per Number Management Portal CSV upload. */
export const CSV_MAX_ROWS = 10_000;
/** E.164 as the Provisioning API takes it: a + and at most 15 digits. */
export const TELEPHONE_NUMBER_MAX_LENGTH = 16;

/** The Provisioning API's rate limit: requests per window across all resources of one gateway; a batch counts as one. */
export const PROVISIONING_RATE_LIMIT = { requestsPerWindow: 100, windowMs: 60_000 } as const;

/** Provisioning API list pages: this many items unless `maxpagesize` asks otherwise, and never more than the maximum. */
export const PROVISIONING_DEFAULT_PAGE_SIZE = 100;
export const PROVISIONING_MAX_PAGE_SIZE = 1000;
