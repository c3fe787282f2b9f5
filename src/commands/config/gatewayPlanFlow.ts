// Plan Changes on a *.acg-gateway.json: the file against the ARM resource it names (subscriptionId, resourceGroup,
// name) and its test lines, read with progress and cancel. The selected gateway plays no part: the file names its
// gateway, as `acg plan <file>.acg-gateway.json` does. A gateway that does not exist yet plans as a create.
import { readLiveGatewayState } from '../../azure/apply';
import { AcgError } from '../../azure/errors';
import { isPlanError, planGateway } from '../../core/apply';
import { liveAsGatewayDocument } from '../../core/apply/gatewayLiveDocument';
import type { GatewayDocument } from '../../core/config/model';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import type { ConfigTarget } from './configTarget';
import { sha256Hex, validDocument, type PlannedSides } from './planFlow';

export async function planGatewayTarget(ctx: CommandContext, target: ConfigTarget, fileName: string): Promise<PlannedSides> {
  const { host } = ctx;
  const document = await validDocument<GatewayDocument>(ctx, target, fileName);
  const { arm } = await host.services.get();
  const live = await runWithProgress(host.ui, `Planning ${fileName} against gateway ${document.name}`, ({ signal, report }) =>
    readLiveGatewayState(arm, document, { signal, onProgress: (message) => report(message) }),
  );
  try {
    const plan = planGateway(document, live, { desiredPath: target.uri.fsPath, desiredSha256: sha256Hex(target.text), now: new Date() });
    return { file: { uri: target.uri, fileName, plan, targetName: document.name }, live: liveAsGatewayDocument(document, live), desired: document };
  } catch (error) {
    if (!isPlanError(error)) throw error;
    throw new AcgError({ kind: 'badRequest', message: `${fileName} cannot be planned against gateway ${document.name}: ${error.problems.join(' ')}` });
  }
}
