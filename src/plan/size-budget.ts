/**
 * Text gathered up to a size limit: pieces are added whole while they fit; the first that does not
 * fit cuts the text, and nothing more is added but what the caller forces in (from room it kept).
 */
export class SizeBudget {
  private readonly parts: string[] = [];
  private used = 0;
  private hasCut = false;

  /** `limit`: the most UTF-16 code units `fit` fills (never fewer than the Unicode characters). */
  constructor(private readonly limit: number) {}

  /** True once a piece did not fit. */
  get isCut(): boolean {
    return this.hasCut;
  }

  /** Adds `text` when it fits and nothing was cut before; false (and cut from then on) otherwise. */
  fit(text: string): boolean {
    if (this.hasCut || this.used + text.length > this.limit) {
      this.hasCut = true;
      return false;
    }
    this.force(text);
    return true;
  }

  /** Adds `text` whatever the limit: only for what the caller kept room for. */
  force(text: string): void {
    this.parts.push(text);
    this.used += text.length;
  }

  /** The text so far. */
  text(): string {
    return this.parts.join('');
  }
}
