import { Redis } from 'ioredis'

/** The page cache's keys and channel in Redis, all under one prefix (one per deployment, or per test). */
export const redisKeys = (prefix: string) => ({
  epoch: `${prefix}:epoch`,
  tag: (tag: string) => `${prefix}:tag:${tag}`,
  page: (key: string) => `${prefix}:page:${key}`,
  channel: `${prefix}:expired`,
  /** Taken by the instance that expires a scheduled moment's pages (`./scheduler.ts`). */
  scheduled: (moment: string) => `${prefix}:scheduled:${moment}`,
})

export type Expired = { epoch: number; tags: string[] }

/**
 * One step, so no instance sees a tag expired without hearing of it: the next epoch, each tag's
 * key set to it (kept as long as a page may live), and the news published to every instance.
 */
const EXPIRE_SCRIPT = `
local epoch = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], epoch, 'PX', ARGV[1]) end
local tags = {}
for i = 3, #ARGV do tags[#tags + 1] = ARGV[i] end
redis.call('PUBLISH', ARGV[2], cjson.encode({ epoch = epoch, tags = tags }))
return epoch`

/** Expires `tags` for every instance on this Redis; the new epoch. */
export const expireInRedis = async (client: Redis, prefix: string, tags: string[], keepMs: number): Promise<number> => {
  const keys = redisKeys(prefix)
  const epoch = await client.eval(EXPIRE_SCRIPT, 1 + tags.length, keys.epoch, ...tags.map(keys.tag), String(keepMs), keys.channel, ...tags)
  return Number(epoch)
}

/** A message of `expireInRedis`, or undefined if it is not one. */
export const parseExpired = (message: string): Expired | undefined => {
  try {
    const { epoch, tags } = JSON.parse(message) as Partial<Expired>
    if (typeof epoch === 'number' && Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')) return { epoch, tags }
  } catch {
    // not ours
  }
  return undefined
}

/** For a process without the page cache (the CLI, a script): one connection for one expiry, then closed. */
export const expireOnce = async (url: string, prefix: string, tags: string[], keepMs: number): Promise<number> => {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return await expireInRedis(client, prefix, tags, keepMs)
  } finally {
    client.disconnect()
  }
}
