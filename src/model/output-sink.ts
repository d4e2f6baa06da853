/** Where output goes; `write` may return a promise to apply backpressure (a slow pipe). */
export interface OutputSink {
  write(text: string | Uint8Array): void | Promise<void>;
}
