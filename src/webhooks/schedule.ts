/** PURE: when a failed delivery is tried again, and when it is given up (a dead letter). */

/** The first retry waits this long; each next one twice as long… */
export const FIRST_RETRY_MS = 30_000
/** …up to this; */
export const MAX_RETRY_MS = 4 * 60 * 60 * 1000
/** and none is made later than this after the first attempt (≈ 14 attempts in all). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000

/** The wait after the `attempts`-th failed attempt (1 for the first). */
export const retryDelay = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)

/**
 * When to try again after the `attempts`-th attempt failed at `now`, the first having been made at
 * `firstAttemptAt`; null once that would be more than 24 hours after the first: the delivery failed.
 */
export const nextAttemptAt = (attempts: number, firstAttemptAt: Date, now: Date): Date | null => {
  const next = now.getTime() + retryDelay(attempts)
  return next - firstAttemptAt.getTime() > GIVE_UP_AFTER_MS ? null : new Date(next)
}
