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

/**
 * A line for the terminal as one line: line breaks and other control characters (from an argument echoed in a message)
 * are shown escaped, so a message never spans lines it should not and an argument cannot send terminal escapes.
 */
export function oneLine(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = (code < 0x20 && c !== '\t') || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += !control ? c : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
