/** Colours for the human output; all identity when colour is off. */
export interface TextStyle {
  create(text: string): string;
  update(text: string): string;
  destroy(text: string): string;
  warn(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colours (on a TTY) or none. */
export function textStyle(isColor: boolean): TextStyle {
  if (!isColor) {
    const same = (text: string) => text;
    return { create: same, update: same, destroy: same, warn: same, bold: same, dim: same };
  }
  return { create: wrap(32, 39), update: wrap(33, 39), destroy: wrap(31, 39), warn: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}
