// "Update Relationship Status…" on a request for information: pick one of the five statuses, give the reason (required
// for ConsentDeclined and ContractTerminated) or a reference, at most 64 characters, checked as it is typed; then one
// merge-patch with If-Match on the ETag just read, so a change someone else made meanwhile is refused, not overwritten.
import { AcgError } from '../../azure/errors';
import { companyOf, RELATIONSHIP_LABELS } from '../../core/enterprises';
import type { RelationshipStatus, RequestForInformationResource } from '../../core/models';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { requestTarget } from './targets';

export async function updateRelationship(ctx: CommandContext, argument: unknown): Promise<RequestForInformationResource | undefined> {
  const target = await requestTarget(ctx, argument, 'Whose relationship status do you want to update?');
  if (!target) return undefined;
  const { scope } = target;
  const company = companyOf(target.request);
  // The relationship rules come with the rule table, which is not loaded at activation.
  const { reasonPrompt, relationshipChange, relationshipChoices, validateReason } = await import('../../core/enterprises/relationshipUpdate');
  const client = await scope.client();
  // Fresh, with its ETag: the list the tree shows carries none, and the status may have changed since.
  const current = await client.getRequestForInformation(target.request.tenantId);

  const items = relationshipChoices(current.resource).map((choice) => ({ label: choice.label, description: choice.description, picked: choice.current, status: choice.status }));
  const picked = await ctx.host.ui.showQuickPick(items, {
    title: `Relationship with ${company}`,
    placeHolder: `Current: ${current.resource.customerRelationship?.status ? RELATIONSHIP_LABELS[current.resource.customerRelationship.status] : 'no status yet'}. Choose the new status.`,
  });
  if (!picked) return undefined;
  const status: RelationshipStatus = picked.status;

  const sameStatus = current.resource.customerRelationship?.status === status;
  const text = await ctx.host.ui.showInputBox({
    title: `${RELATIONSHIP_LABELS[status]}: ${company}`,
    prompt: reasonPrompt(status),
    value: sameStatus ? (current.resource.customerRelationship?.comment ?? '') : '',
    placeHolder: status === 'ConsentDeclined' || status === 'ContractTerminated' ? 'Reason (required)' : 'Ticket or reference (optional)',
    validateInput: (value) => validateReason(status, value),
  });
  if (text === undefined) return undefined;
  // Checked again: automation can answer without the input box's validation. Nothing is sent when it fails.
  const decided = relationshipChange(status, text);
  if ('error' in decided) throw new AcgError({ kind: 'badRequest', message: `Not sent: ${decided.error}` });

  const updated = await runWithProgress(
    ctx.host.ui,
    `Updating the relationship with ${company}…`,
    ({ signal }) => client.updateCustomerRelationship(current.resource.tenantId, decided.change, { ...(current.etag ? { ifMatch: current.etag } : {}), abortSignal: signal }));
  ctx.enterprises.refreshPart('requests');
  const node = await ctx.enterprises.findRequest(current.resource.tenantId);
  if (node) await ctx.enterprises.reveal(node);
  void ctx.host.ui.showInformationMessage(`Relationship with ${company}: ${RELATIONSHIP_LABELS[status]}${decided.change.comment ? ` (${decided.change.comment})` : ''}.`);
  return updated.resource;
}
