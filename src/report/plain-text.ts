/**
 * Text from the users' files (ids, titles, file names) ends up in messages. On a terminal or in a
 * CI log a control character in it could move the cursor, recolour or clear the screen, so the
 * plain-text formats show such characters as visible symbols instead.
 */

// C0 controls except tab, line feed and carriage return (which the formats handle), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Replaces control characters with their Unicode "control picture" (␛ for ESC), or � for C1. */
export function plainText(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/** The lines of a message, whatever line endings it uses. */
export function textLines(text: string): string[] {
  return plainText(text).split(/\r\n|\r|\n/);
}

/** A message on one line, for formats where a line is one finding. */
export function oneLine(text: string): string {
  return textLines(text)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}
