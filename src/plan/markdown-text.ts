/**
 * Safe pieces of GitHub-flavoured markdown for values that come from AWS, the mapping or Port (any
 * text at all), so that a `|`, a backtick, `<` or a line break in a value can neither end a table
 * cell nor open HTML or a link, nor mention a user.
 */

/**
 * Characters that mean something to markdown, GFM tables, math or HTML. A code span cannot hold them
 * all (GFM splits a table row at a `|` even inside one, and `\|` there depends on the backslashes
 * before it), so `literal` writes them as numeric character references, which no parser reads as syntax.
 */
const SYNTAX_CHARACTERS = /[&<>"'`\\|*_[\]~$]/g;

/**
 * A value shown literally, in `<code>`: on one line (control characters as spaces), with markdown and
 * HTML characters as references. The same text is safe in a paragraph, a table cell and raw HTML
 * (`<summary>`); GitHub turns no `@name` or `#123` inside `<code>` into a mention or a link.
 */
export function literal(text: string): string {
  const line = oneLine(text);
  if (line.trim() === '') return '<i>(empty)</i>';
  return `<code>${line.replace(SYNTAX_CHARACTERS, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
}

/** A table row of cells already made safe (`literal`, numbers, our own words). */
export function tableRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Line breaks and other control characters as spaces: a value never spans lines. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
