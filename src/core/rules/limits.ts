// Limits other modules need as plain numbers (the numbers tree, batching), kept apart from the checks: ./phoneNumber
// loads libphonenumber-js, and a face that only needs a length must not load it at activation. Re-exported by the
// modules that own them (./phoneNumber, ./numberRules), so '../rules' still has them.

/** At most this many numbers per Provisioning API batch request. */
export const BATCH_MAX_NUMBERS = 100;
export const TELEPHONE_NUMBER_MAX_LENGTH = 16;
