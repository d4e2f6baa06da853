import type { Output } from '../output.js';

/**
 * One line of stderr redrawn in place on a terminal (progress of a read or an apply); `clear`
 * removes it before other output or at the end.
 */
export class LiveLine {
  private isDrawn = false;

  constructor(private readonly output: Output) {}

  /** Replaces the line's text. */
  draw(text: string): void {
    void this.output.stderr.write(`\r\u001b[2K${text}`);
    this.isDrawn = true;
  }

  /** Removes the line, if drawn. */
  clear(): void {
    if (!this.isDrawn) return;
    void this.output.stderr.write('\r\u001b[2K');
    this.isDrawn = false;
  }
}

/** `45s`, `1m05s`: a duration in whole seconds, for ETAs. */
export function formatSeconds(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}
