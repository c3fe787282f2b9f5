// Offsets to 1-based line and column, with the line breaks VS Code counts (\r\n, \n and a lone \r), so that the CLI
// and the editor point at the same place.
import type { LineColumn } from './types';

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offsets outside the text are clamped to it. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low] + 1 };
  }
}

/** One-off conversion. For many offsets into one text, build a {@link LineMap} once. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  return new LineMap(text).positionAt(offset);
}
