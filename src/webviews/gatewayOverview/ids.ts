// Names package.json uses for the Gateway Overview, in a module of their own so that activation can import them
// without loading the panel (or valibot, through its protocol).
export const GATEWAY_OVERVIEW_VIEW_TYPE = 'acg.gatewayOverview';
/** "Open Overview" on a gateway row (the row is the gateway; hidden from the palette). */
export const OPEN_OVERVIEW_COMMAND = 'acg.gateways.openOverview';
/** "Open Gateway Overview…" in the palette: picks a gateway first. */
export const OPEN_GATEWAY_OVERVIEW_COMMAND = 'acg.openGatewayOverview';
