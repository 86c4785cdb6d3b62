/**
 * The contract between the pages and the page cache in front of Next (`src/server.ts`).
 * Express gives every page request it may cache a fresh render id in `RENDER_HEADER`; the page,
 * while it renders, declares the tags of what it shows under that id; the cache stores the
 * response with those tags. A change expires the tags it affects, on every instance.
 * Tags are opaque strings here: which tags exist is decided in `./vocabulary.ts`.
 */
export const RENDER_HEADER = 'x-wirehouse-render'

/** The tag every cached page carries: expiring it empties the page cache on every instance. */
export const ALL_PAGES_TAG = '*'

type Registry = Map<string, Set<string>>

const REGISTRY = Symbol.for('wirehouse.pageCache.registry')

/** One registry per process: Next's bundles and the express server each load this module. */
const registry = (): Registry => {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry }
  return (global[REGISTRY] ??= new Map())
}

/** Called by a page while it renders (id from `RENDER_HEADER`; none outside the cache: nothing kept). */
export const declarePageTags = (renderId: null | string | undefined, tags: Iterable<string>): void => {
  if (!renderId) return
  const map = registry()
  const set = map.get(renderId) ?? new Set<string>()
  for (const tag of tags) set.add(tag)
  map.set(renderId, set)
}

/** The tags a render declared, forgotten as they are taken. */
export const takePageTags = (renderId: string): string[] => {
  const map = registry()
  const tags = map.get(renderId)
  map.delete(renderId)
  return tags ? [...tags] : []
}
