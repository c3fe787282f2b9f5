// "Import Numbers from CSV…": a portal-format CSV, every finding listed by the config engine before anything is sent.
import type { CommandContext } from '../context';
import { editorTarget, openEditor } from './editorTarget';

export async function importNumbersCsv(ctx: CommandContext, argument: unknown): Promise<unknown> {
  return openEditor(ctx, await editorTarget(ctx, argument, 'importCsv'));
}
