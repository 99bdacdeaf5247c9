/*
 * Lines of the source text, for the few questions the estimate asks of the line a block starts on.
 */
/** Lines of the source, found on demand (splitting a long writeup would cost more than the estimate). */
export class SourceLines {
  private readonly starts: number[] = [0];
  private readonly text: string;

  constructor(text: string) {
    // A lone CR (old Mac line ends) ends a line as the readers read it; same length, same offsets.
    this.text = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  }

  get(line: number): string {
    if (line < 0) return '';
    while (this.starts.length <= line + 1) {
      const last = this.starts[this.starts.length - 1] as number;
      if (last > this.text.length) return '';
      const nl = this.text.indexOf('\n', last);
      this.starts.push(nl < 0 ? this.text.length + 1 : nl + 1);
    }
    const start = this.starts[line] as number;
    if (start > this.text.length) return '';
    return this.text.slice(start, (this.starts[line + 1] as number) - 1);
  }
}
