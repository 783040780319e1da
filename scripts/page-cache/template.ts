// A kept page's body with its per-response values cut out: every response needs its own CSP nonce (a nonce
// served twice is no nonce) and carries its own request id. The body is split once, where it is kept, at each
// occurrence of the two values, so a hit only joins buffers.

export interface Fills {
  nonce: string;
  requestId: string;
}

export class PageTemplate {
  private constructor(
    private readonly parts: Buffer[],
    /** what goes after parts[i]: the nonce or the request id (one fewer than parts) */
    private readonly slots: (keyof Fills)[],
  ) {}

  static of(text: string, kept: Fills): PageTemplate {
    const parts: Buffer[] = [];
    const slots: (keyof Fills)[] = [];
    let from = 0;
    for (;;) {
      const n = text.indexOf(kept.nonce, from);
      const r = text.indexOf(kept.requestId, from);
      const at = n < 0 ? r : r < 0 ? n : Math.min(n, r);
      if (at < 0) break;
      const slot: keyof Fills = at === n ? "nonce" : "requestId";
      parts.push(Buffer.from(text.slice(from, at)));
      slots.push(slot);
      from = at + kept[slot].length;
    }
    parts.push(Buffer.from(text.slice(from)));
    return new PageTemplate(parts, slots);
  }

  get bytes(): number {
    return this.parts.reduce((sum, p) => sum + p.length, 0);
  }

  render(fills: Fills): Buffer {
    if (this.slots.length === 0) return this.parts[0]!;
    const pieces: Buffer[] = [];
    for (let i = 0; i < this.slots.length; i++) pieces.push(this.parts[i]!, Buffer.from(fills[this.slots[i]!]));
    pieces.push(this.parts[this.parts.length - 1]!);
    return Buffer.concat(pieces);
  }
}

/** A header value with the kept response's nonce and request id replaced by this response's. */
export function refill(value: string, kept: Fills, fills: Fills): string {
  return value.replaceAll(kept.nonce, fills.nonce).replaceAll(kept.requestId, fills.requestId);
}
