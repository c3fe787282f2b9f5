// Tooltips are Markdown (the faces wrap them in a MarkdownString). Values come from the service and from enterprises'
// own input (company names, contact names, comments), so every value is escaped: a company called "*Acme*" must not
// turn bold, and a link in a comment must not become clickable.

/** `text` with every character Markdown gives meaning to escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A value in inline code: safe for ids and numbers, and easy to select. Backticks inside are doubled around. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}

/** One `- **name:** value` line; the value is escaped unless it is already Markdown (`raw`). */
export function field(name: string, value: string | undefined, raw = false): string | undefined {
  if (value === undefined || value === '') return undefined;
  return `- **${name}:** ${raw ? value : escapeMarkdown(value)}`;
}

/** Lines without the undefined ones, joined as Markdown lines. */
export function lines(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).join('\n');
}

/** A date as the service wrote it, shortened to the day (ISO), or the raw text when it is not a date. */
export function day(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? iso : new Date(parsed).toISOString().slice(0, 10);
}
