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

/** What a page declares while it renders: the tags of what it shows, and a status other than 200 with its headers. */
type Render = { tags: Set<string>; response?: PageResponse }

/** A status the page answers with instead of Next's 200 (a 410 tombstone), and headers that go with it. */
export type PageResponse = { status: number; headers?: Record<string, string> }

type Registry = Map<string, Render>

const REGISTRY = Symbol.for('wirehouse.pageCache.registry')

/** One registry per process: Next's bundles and the express server each load this module. */
const registry = (): Registry => {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry }
  return (global[REGISTRY] ??= new Map())
}

const renderOf = (renderId: string): Render => {
  const map = registry()
  let render = map.get(renderId)
  if (!render) map.set(renderId, (render = { tags: new Set() }))
  return render
}

/** Called by a page while it renders (id from `RENDER_HEADER`; none outside the cache: nothing kept). */
export const declarePageTags = (renderId: null | string | undefined, tags: Iterable<string>): void => {
  if (!renderId) return
  const set = renderOf(renderId).tags
  for (const tag of tags) set.add(tag)
}

/**
 * Called by a page while it renders, before its first byte: the status it answers with (Next's app
 * router has no way for a page to answer 410) and headers that go with it. The express server
 * sets them as the response's headers go out (`./middleware.ts`), on a 200 only.
 */
export const declarePageResponse = (renderId: null | string | undefined, response: PageResponse): void => {
  if (renderId) renderOf(renderId).response = response
}

/** The status a render declared, if any; kept until its tags are taken. */
export const declaredResponse = (renderId: string): PageResponse | undefined => registry().get(renderId)?.response

/** The tags a render declared, forgotten as they are taken (with its status). */
export const takePageTags = (renderId: string): string[] => {
  const map = registry()
  const render = map.get(renderId)
  map.delete(renderId)
  return render ? [...render.tags] : []
}
