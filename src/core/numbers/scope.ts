// Which numbers a list shows: one account's, or every account's of the gateway.
export type NumbersScope = { readonly kind: 'gateway' } | { readonly kind: 'account'; readonly accountName: string };

export const GATEWAY_SCOPE: NumbersScope = { kind: 'gateway' };
