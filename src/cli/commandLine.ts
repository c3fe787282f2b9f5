// Command lines the CLI prints for a person to paste (the fix to make, the apply to resume): quoted for a POSIX shell.
import type { CloudArguments } from './cloudOption';

export function shellQuote(value: string): string {
  return /^[\w./:@=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(parts: readonly string[]): string {
  return parts.map(shellQuote).join(' ');
}

/** `--cloud … --emulator-url …` as given, so the printed command reaches the same cloud. */
export function cloudParts(args: CloudArguments): string[] {
  return [...(args.cloud ? ['--cloud', args.cloud] : []), ...(args.emulatorUrl ? ['--emulator-url', args.emulatorUrl] : [])];
}
