import { ALL_PAGES_TAG } from './tags'

/** The tag of pages that declared none: expired whenever the site generation changes (`./generation.ts`). */
export const UNTAGGED = '#untagged'

/**
 * When each tag was last expired, as a counter (an epoch), not a clock time: instances' clocks
 * may disagree, a counter in one place (this process, or Redis) cannot. A page remembers the
 * epoch its render started at and stays valid while none of its tags was expired after that, so
 * a render that began before a change and finished after it is never served.
 */
export class TagClock {
  epoch = 0
  /** Tag → the epoch it was last expired at, and when (to forget it once no page can be older). */
  private versions = new Map<string, { epoch: number; at: number }>()

  constructor(private readonly forgetAfterMs: number) {}

  private prunedAt = 0

  /** Records expiries (from this process, Redis or a message); never moves a tag back. */
  apply(epoch: number, tags: Iterable<string>): void {
    const at = Date.now()
    this.epoch = Math.max(this.epoch, epoch)
    for (const tag of tags) {
      const known = this.versions.get(tag)
      if (!known || known.epoch < epoch) this.versions.set(tag, { epoch, at })
    }
    if (at - this.prunedAt > 1000) this.forgetOld(at)
  }

  /** Expires `tags` here: the next epoch. */
  expire(tags: Iterable<string>): number {
    this.apply(this.epoch + 1, tags)
    return this.epoch
  }

  /** The tags a page's validity depends on: its own, everything's, and untagged pages' own. */
  static dependencies(tags: string[]): string[] {
    return [ALL_PAGES_TAG, ...(tags.length ? tags : [UNTAGGED])]
  }

  /** Whether a page rendered from `epoch` with `tags` is still good. */
  valid({ epoch, tags }: { epoch: number; tags: string[] }): boolean {
    return TagClock.dependencies(tags).every((tag) => (this.versions.get(tag)?.epoch ?? 0) <= epoch)
  }

  /** Forgets everything (Redis reconnected: what was missed is unknown, and the pages are dropped too). */
  reset(epoch: number): void {
    this.versions.clear()
    this.epoch = epoch
  }

  /** A page lives `forgetAfterMs` at most: an expiry older than that concerns none. */
  private forgetOld(now: number): void {
    this.prunedAt = now
    const before = now - this.forgetAfterMs
    for (const [tag, { at }] of this.versions) if (at < before) this.versions.delete(tag)
  }
}
