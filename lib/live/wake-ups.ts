// When the clock changes someone's row (their fix turns doubtful, then stale; an on-the-spot ETA is reached): a
// binary min-heap of (instant, id) in flat arrays, so a tick visits only the people who are due instead of everyone.

/**
 * Wake-ups by instant. An entry is never removed early: a row derived again simply adds its new instant, and whoever
 * pops an entry checks it is still the row's current one. When stale entries outnumber live ones, `rebuild` starts
 * over from the current instants.
 */
export class WakeUps {
  private at = new Float64Array(64);
  private ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(atMs: number, id: string) {
    if (this.ids.length === this.at.length) {
      const grown = new Float64Array(this.at.length * 2);
      grown.set(this.at);
      this.at = grown;
    }
    let i = this.ids.length;
    this.ids.push(id);
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.at[parent]! <= atMs) break;
      this.at[i] = this.at[parent]!;
      this.ids[i] = this.ids[parent]!;
      i = parent;
    }
    this.at[i] = atMs;
    this.ids[i] = id;
  }

  /** Removes and hands over every entry due strictly before `nowMs`, soonest first. */
  popBefore(nowMs: number, visit: (id: string, atMs: number) => void) {
    while (this.ids.length > 0 && this.at[0]! < nowMs) {
      const atMs = this.at[0]!;
      const id = this.ids[0]!;
      this.removeTop();
      visit(id, atMs);
    }
  }

  /** Starts over from these entries (the current instant of each row that has one). */
  rebuild(entries: Iterable<[string, number]>) {
    this.ids = [];
    for (const [id, atMs] of entries) this.push(atMs, id);
  }

  private removeTop() {
    const last = this.ids.length - 1;
    const atMs = this.at[last]!;
    const id = this.ids[last]!;
    this.ids.pop();
    if (last === 0) return;
    // Sift the last entry down from the top.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.at[right]! < this.at[left]! ? right : left;
      if (this.at[child]! >= atMs) break;
      this.at[i] = this.at[child]!;
      this.ids[i] = this.ids[child]!;
      i = child;
    }
    this.at[i] = atMs;
    this.ids[i] = id;
  }
}
