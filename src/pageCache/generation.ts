import type { Payload } from 'payload'

import { currentGeneration } from '../site/generation'

/**
 * Watches the site generation (`src/site/generation.ts`), which every change the pages show
 * replaces, in whatever process it was saved: the server, another instance, the ingest CLI.
 * A new one expires the pages that declared no tags. One that this process did not cause (it did
 * not `acknowledge` it after expiring a change's tags itself) empties the cache when there is no
 * Redis to hear of other processes' expiries from.
 */
export class GenerationWatch {
  private last?: string
  private readonly acknowledged = new Set<string>()
  private timer?: NodeJS.Timeout
  private running?: Promise<void>

  constructor(
    private readonly payload: Payload,
    private readonly onChange: (ours: boolean) => Promise<void> | void,
  ) {}

  async start(everyMs: number): Promise<void> {
    await this.check()
    this.timer = setInterval(() => {
      this.running ??= this.check().finally(() => (this.running = undefined))
    }, everyMs)
    this.timer.unref()
  }

  /** The generation now is one this process caused (read just after expiring its change's tags). */
  async acknowledge(): Promise<void> {
    const token = await currentGeneration(this.payload)
    if (token === this.last) return
    this.acknowledged.add(token)
    // Only the latest few can still be ahead of the watch.
    if (this.acknowledged.size > 100) this.acknowledged.delete(this.acknowledged.values().next().value!)
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }

  private async check(): Promise<void> {
    let token: string
    try {
      token = await currentGeneration(this.payload)
    } catch {
      return // the database is away: /readyz says so; the next tick tries again
    }
    if (token === this.last) return
    const first = this.last === undefined
    this.last = token
    if (first) return
    const ours = this.acknowledged.delete(token)
    await this.onChange(ours)
  }
}
