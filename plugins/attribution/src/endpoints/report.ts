import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.ts'

import { complianceReport } from '../report.ts'
import { translate } from '../translations/translate.ts'
import { ok, refusals } from './openapi.ts'
import { json, problem } from './respond.ts'

/** What Payload itself reads from any request's query (`depth` it even sets after signing in). */
const PAYLOAD_PARAMETERS = new Set(['depth', 'locale', 'fallback-locale', 'fallbackLocale'])

/** `GET /api/attribution/report`: the compliance dashboard's figures, for whom `reportAccess` admits. */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/report',
  method: 'get',
  custom: {
    openapi: {
      summary: 'The compliance report',
      description: "The compliance dashboard's figures: notices by kind and state, upcoming changes, sources' rights, articles without attribution. For whom `reportAccess` admits (compliance staff and admins). Takes no parameters.",
      responses: {
        200: ok('The report.', {
          type: 'object',
          properties: { generatedAt: { type: 'string', format: 'date-time' }, notices: {}, upcoming: {}, sources: {}, articles: {} },
          required: ['generatedAt'],
        }),
        ...refusals(400, 401, 403),
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, translate(req.t, 'error-signInReport'))
    if (!(await options.reportAccess({ req }))) return problem(403, translate(req.t, 'error-reportForbidden'))
    const names = Object.keys(req.query ?? {}).filter((name) => !PAYLOAD_PARAMETERS.has(name))
    if (names.length) return problem(400, translate(req.t, 'error-noParameters', { names: names.join(', ') }))
    return json(await complianceReport(req, options))
  },
})
