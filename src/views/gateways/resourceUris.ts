// Tree rows carry a `resourceUri` only so that a FileDecorationProvider can paint warnings on them (color + badge).
// These URIs never open anything; one scheme, three kinds, keyed by ARM id (lower case: ARM ids are case-insensitive).
import * as vscode from 'vscode';

export const TREE_URI_SCHEME = 'acg-tree';
export type DecoratedKind = 'gateway' | 'testLines' | 'testLine';

export function treeUri(kind: DecoratedKind, armId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TREE_URI_SCHEME, authority: kind, path: armId.toLowerCase().startsWith('/') ? armId.toLowerCase() : `/${armId.toLowerCase()}` });
}
