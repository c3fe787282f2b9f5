// The top level of the Gateways view: nothing when signed out (the view's welcome content offers Sign In), the
// selected subscriptions when signed in, or "Select Subscriptions…" when the selection is empty.
import { selectSubscriptionsNode, type TreeNode } from '../tree';
import { SubscriptionNode } from './subscriptionNode';
import type { GatewaysTreeContext } from './treeContext';

export async function gatewaysRootChildren(ctx: GatewaysTreeContext): Promise<TreeNode[]> {
  if (!ctx.host.signIn.signedIn) return [];
  const services = await ctx.host.services.get();
  const all = await services.arm.listSubscriptions();
  const filter = ctx.host.subscriptions.current();
  const chosen = filter ? all.filter((s) => filter.includes(s.subscriptionId)) : all;
  if (chosen.length === 0) return [selectSubscriptionsNode()];
  chosen.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return chosen.map((subscription) => new SubscriptionNode(subscription, ctx));
}
