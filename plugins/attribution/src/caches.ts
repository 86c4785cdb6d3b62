import type { PayloadRequest } from 'payload'

import type { NoticeInput } from './types.ts'

/**
 * Every cache the plugin keeps, and what makes it forget. Nothing else in the plugin keeps data
 * between requests (hooks/attribution.ts hands a read's select plan from its `beforeOperation` to
 * its `afterOperation` hook in a WeakMap keyed by the operation's arguments, gone with them).
 *
 * | cache            | lives                       | keyed by                          | forgets                                                                          |
 * |------------------|-----------------------------|-----------------------------------|----------------------------------------------------------------------------------|
 * | `loadedNotices`  | a Payload instance          | the instance                      | when the published notices' ids or `updatedAt` differ at the next read, so on every instance after a change anywhere |
 * | `renderedBodies` | the process, 1,000 bodies   | a notice body's JSON              | nothing to forget (another text is another key); emptied when full              |
 * | `renderedObjects`| the process                 | a notice body object              | with the object (a WeakMap)                                                      |
 * | `requestCache`   | one request (`req.context`) | rules per moment, documents by id, hidden fields by document version | when the request changes a notice, a source or the publisher (`forgetRequest`) |
 * | notice parts     | one `attributionsFor` call  | site, sources, variables          | with the call (a Map passed to `resolveAttribution`)                             |
 *
 * The app's public pages keep their own cache, keyed by a generation every change bumps
 * (the app's `src/site/generation.ts`).
 */

/** Parsed published notices per Payload instance, with the fingerprint they were read under. */
export const loadedNotices = new WeakMap<object, { fingerprint: string; notices: NoticeInput[]; usesSite: boolean }>()

const MAX_BODIES = 1000

/** Converted output cut at its variables: `parts[0]`, slot `slots[0]`, `parts[1]`, … */
export type Slotted = { parts: string[]; slots: number[] }

/** A notice body converted to text and sanitized HTML, with slots for its variables (`names`). */
export type Compiled = { names: string[]; text: Slotted; html: Slotted }

const byContent = new Map<string, Compiled>()

export const renderedObjects = new WeakMap<object, Compiled>()

export const renderedBodies = {
  get: (key: string): Compiled | undefined => byContent.get(key),
  set: (key: string, value: Compiled): void => {
    if (byContent.size >= MAX_BODIES) byContent.clear()
    byContent.set(key, value)
  },
}

const PREFIX = 'attribution:'

/** What one request has loaded under `key`, loading it with `load` the first time. */
export const requestCache = <T>(req: PayloadRequest, key: string, load: () => T): T => {
  const name = PREFIX + key
  if (!(name in req.context)) req.context[name] = load()
  return req.context[name] as T
}

/** Drops what this request loaded: it has just changed a notice, a source or the publisher. */
export const forgetRequest = (req: PayloadRequest): void => {
  for (const key of Object.keys(req.context)) if (key.startsWith(PREFIX)) delete req.context[key]
}
