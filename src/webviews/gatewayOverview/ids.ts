// Names package.json uses for the Gateway Overview, in a module of their own so that activation can import them
// without loading the panel (or valibot, through its protocol).
export const GATEWAY_OVERVIEW_VIEW_TYPE = 'acg.gatewayOverview';
