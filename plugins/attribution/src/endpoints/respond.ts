import type { PayloadRequest } from 'payload'

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
