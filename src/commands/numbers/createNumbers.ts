// "Create Numbers…": paste numbers in any format into the Number editor, pick their settings from what the account's plans offer, confirm, and watch them go from pending to synced.
import type { CommandContext } from '../context';
import { editorTarget, openEditor } from './editorTarget';

export async function createNumbers(ctx: CommandContext, argument: unknown): Promise<unknown> {
  return openEditor(ctx, await editorTarget(ctx, argument, 'create'));
}
