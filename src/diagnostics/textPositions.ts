import * as vscode from 'vscode';
import { LineMap } from '../core/config/lineMap';

/**
 * What turning engine offsets into ranges needs: a TextDocument has both members. Files the workspace command reads
 * from disk get a {@link DiskText} instead, because opening a TextDocument for each of them would fire open/close
 * events (and so clear diagnostics) and keep every file in memory.
 */
export interface PositionSource {
  readonly uri: vscode.Uri;
  positionAt(offset: number): vscode.Position;
}

/** Offsets to positions for text that is not open in an editor, counting lines as VS Code does (the engine's map). */
export class DiskText implements PositionSource {
  private readonly lines: LineMap;

  constructor(
    readonly uri: vscode.Uri,
    readonly text: string,
  ) {
    this.lines = new LineMap(text);
  }

  positionAt(offset: number): vscode.Position {
    const { line, column } = this.lines.positionAt(offset);
    return new vscode.Position(line - 1, column - 1);
  }
}
