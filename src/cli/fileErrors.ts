// Why a file could not be read or written, in words a person acts on, with the system's code for a search.
import { messageOf } from '../host/presentError';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
  EPERM: 'operation not permitted',
  ENOSPC: 'the disk is full',
};

export function fileErrorReason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String((error as NodeJS.ErrnoException).code);
    return `${REASONS[code] ?? error.message} (${code})`;
  }
  return messageOf(error);
}
