import type { PayloadRequest } from 'payload'

import type { Rules } from './load.ts'
import type { NoticesPart } from './resolve.ts'
import type { Attribution } from './types.ts'

/**
 * Every cache the plugin keeps, and what makes it forget. Nothing else in the plugin keeps data
 * between requests (hooks/attribution.ts hands a read's select plan from its `beforeOperation` to
 * its `afterOperation` hook in a WeakMap keyed by the operation's arguments, gone with them).
 *
 * | cache              | lives                          | keyed by                                  | forgets                                                                          |
 * |--------------------|--------------------------------|-------------------------------------------|----------------------------------------------------------------------------------|
 * | `snapshots`        | a Payload instance             | the rules' generation token (`payload.kv`, `RULES_GENERATION`) | when a request reads another token: every change of a notice, a source, the publisher (or its logo) or a document along the site path writes one, in the change's transaction, so every instance reloads at its next read |
 * | `snapshot.rules`, `.sources` | with its snapshot    | —                                         | with the snapshot (published notices, every source by id, the publisher with its logo) |
 * | `snapshot.hops`    | with its snapshot              | collection, id                            | with the snapshot (documents along the site path, loaded as articles point to them) |
 * | `snapshot.resolved`| with its snapshot, 5,000 entries | what is asked of the attribution and every input of it | with the snapshot; when the moment leaves the span in which no notice starts or ends and the year is the same; emptied when full |
 * | `renderedNotices`  | with a loaded notice's body    | the body object, then its variables       | with the body (a WeakMap): a reload of the rules loads new bodies                |
 * | `renderedBodies`   | the process, 1,000 bodies      | a notice body's JSON                      | nothing to forget (another text is another key); emptied when full              |
 * | `renderedObjects`  | the process                    | a notice body object                      | with the object (a WeakMap)                                                      |
 * | `requestCache`     | one request (`req.context`)    | the token and snapshot, rules per past moment, documents by id, hidden fields by document version | when the request changes a notice, a source, the publisher or a site-path document (`forgetRequest`), after which the request reads the rules afresh in its own transaction and leaves `snapshots` alone |
 *
 * A cached attribution is handed to each read as its own copy: what a reader changes stays its own.
 * The app's public pages keep their own cache, keyed by a generation of their own
 * (the app's `src/site/generation.ts`).
 */

/** What the rules' cache holds under one token. */
export type Snapshot = {
  token: string
  rules: Rules
  /** Every source, trashed ones included, by id. */
  sources: Map<string, Record<string, unknown> & { id: number | string }>
  /** Documents along the site path, by collection and id; null for an id that does not exist. */
  hops: Map<string, Map<string, (Record<string, unknown> & { id: number | string }) | null>>
  /**
   * Attributions and notice parts resolved at moments in [from, until): no notice starts or ends
   * in that span, and it is within one year.
   */
  resolved: { from: number; until: number; attributions: Map<string, Readonly<Attribution>>; parts: Map<string, NoticesPart> }
}

/** The rules' snapshot per Payload instance, with the token it was loaded under (a promise: concurrent reads share one load). */
export const snapshots = new WeakMap<object, { token: string; snapshot: Promise<Snapshot> }>()

export const MAX_RESOLVED = 5000

/** A map emptied when it reaches `max`: what was evicted is computed again. */
export const bounded = <K, V>(map: Map<K, V>, key: K, value: V, max: number): V => {
  if (map.size >= max) map.clear()
  map.set(key, value)
  return value
}

const MAX_BODIES = 1000

/** Converted output cut at its variables: `parts[0]`, slot `slots[0]`, `parts[1]`, … */
export type Slotted = { parts: string[]; slots: number[] }

/** A notice body converted to text and sanitized HTML, with slots for its variables (`names`). */
export type Compiled = { names: string[]; text: Slotted; html: Slotted }

const byContent = new Map<string, Compiled>()

export const renderedObjects = new WeakMap<object, Compiled>()

/** A loaded notice body's text and HTML per set of variables (their JSON). */
export const renderedNotices = new WeakMap<object, Map<string, { text: string; html: string }>>()

export const renderedBodies = {
  get: (key: string): Compiled | undefined => byContent.get(key),
  set: (key: string, value: Compiled): void => void bounded(byContent, key, value, MAX_BODIES),
}

const PREFIX = 'attribution:'
const CHANGED = 'attributionRulesChanged'

/** What one request has loaded under `key`, loading it with `load` the first time. */
export const requestCache = <T>(req: PayloadRequest, key: string, load: () => T): T => {
  const name = PREFIX + key
  if (!(name in req.context)) req.context[name] = load()
  return req.context[name] as T
}

/** Drops what this request loaded: it has just changed a notice, a source, the publisher or a site-path document. */
export const forgetRequest = (req: PayloadRequest): void => {
  for (const key of Object.keys(req.context)) if (key.startsWith(PREFIX)) delete req.context[key]
  req.context[CHANGED] = true
}

/** Whether this request has changed the rules: it then reads them in its own transaction, past the cache. */
export const changedHere = (req: PayloadRequest): boolean => req.context[CHANGED] === true
