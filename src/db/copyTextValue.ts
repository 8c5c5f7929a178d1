/** What each escape of COPY's text format stands for. */
const ESCAPED: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/**
 * A column's value as it was, from what `COPY … TO` wrote of it in its text format: there a
 * backslash, a backspace, a form feed, a newline, a carriage return, a tab and a vertical tab are
 * each a backslash and a character (`\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\v`), and every other
 * character is itself (PostgreSQL's `CopyAttributeOutText`). Not for a null (`\N`).
 */
export const copyTextValue = (written: string): string => (written.includes('\\') ? written.replace(/\\([^])/g, (_, c: string) => ESCAPED[c] ?? c) : written)
