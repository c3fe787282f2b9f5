// Names package.json uses for the Requests for Information panel, in a module of their own so that activation can
// import them without loading the panel (or valibot, through its protocol).
export const REQUESTS_VIEW_TYPE = 'acg.requestsForInformation';
