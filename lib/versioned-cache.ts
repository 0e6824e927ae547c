/**
 * A bounded in-memory cache whose entries belong to one data version. An entry
 * made at another version is never returned, so nothing cached can outlive a
 * committed write: the caller always asks with the version it just read from
 * the database. Least recently used entries go first when the byte budget is
 * exceeded.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: string; body: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, version: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used goes last
    return entry.body;
  }

  set(key: string, version: string, body: string): void {
    if (body.length > this.maxBytes / 4) return; // one response may not evict everything else
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, { version, body });
    this.bytes += body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }
}
