import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'

import { translate } from '../translations/translate.ts'

/** The plugin's endpoint answers, in Payload's own error shape. */
export const json = (body: unknown, status = 200, headers?: HeadersInit) => Response.json(body, { status, headers })

export const problem = (status: number, message: string, headers?: HeadersInit) => json({ errors: [{ message }] }, status, headers)

/** The attributed collection a request names (the first when it names none), or the 400 that says it is not one. */
export const targetOf = (req: PayloadRequest, options: ResolvedOptions, slug: unknown): Response | Target => {
  const target = slug === undefined ? options.targets[0] : options.targets.find((t) => t.slug === slug)
  if (target) return target
  const known = options.targets.map((t) => t.slug).join(', ')
  return problem(400, translate(req.t, 'error-unknownCollection', { value: String(slug), known }))
}

/** The request's JSON: an empty body is `{}`, one that does not parse `undefined`. */
export const readJson = async (req: PayloadRequest): Promise<unknown> => {
  const text = (await req.text?.()) ?? ''
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** What `work` gives, as JSON; its refusals (an APIError below 500) in Payload's error shape. */
export const answer = async (work: () => Promise<unknown>): Promise<Response> => {
  try {
    return json(await work())
  } catch (error) {
    if (error instanceof APIError && error.status < 500) return problem(error.status, error.message)
    throw error
  }
}
