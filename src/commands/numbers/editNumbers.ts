// "Edit Numbers…": one number (PUT with If-Match; a 412 offers reload and re-apply) or many (batches of ≤100), changed fields only.
import type { CommandContext } from '../context';
import { editorTarget, openEditor } from './editorTarget';

export async function editNumbers(ctx: CommandContext, argument: unknown): Promise<unknown> {
  return openEditor(ctx, await editorTarget(ctx, argument, 'edit'));
}
