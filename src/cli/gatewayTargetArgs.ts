// `--gateway <name | resource id>` and `--subscription <id>`, as every command that acts on one gateway reads them.
import { isGuid, parseGatewayId } from '../core/ids';

export type GatewayTarget = { gateway: string; subscription?: string; problem?: undefined } | { problem: string };

/** The gateway and subscription given, or the usage problem to report (one line, without the command's prefix). */
export function gatewayTargetOf(values: ReadonlyMap<string, string>): GatewayTarget {
  const gateway = values.get('--gateway');
  if (gateway === undefined) return { problem: 'name the gateway with --gateway <name | resource id>.' };
  if (gateway.startsWith('/') && !parseGatewayId(gateway)) {
    return { problem: `--gateway '${gateway}' is not a gateway resource id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.VoiceServices/communicationsGateways/<name>).` };
  }
  const subscription = values.get('--subscription');
  if (subscription !== undefined && !isGuid(subscription)) return { problem: `--subscription must be a subscription id (a GUID), not '${subscription}'.` };
  return { gateway, ...(subscription !== undefined ? { subscription } : {}) };
}
