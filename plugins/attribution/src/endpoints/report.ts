import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.ts'

import { complianceReport } from '../report.ts'
import { translate } from '../translations/translate.ts'
import { json, problem } from './respond.ts'

/** What Payload itself reads from any request's query (`depth` it even sets after signing in). */
const PAYLOAD_PARAMETERS = new Set(['depth', 'locale', 'fallback-locale', 'fallbackLocale'])

/** `GET /api/attribution/report`: the compliance dashboard's figures, for whom `reportAccess` admits. */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, translate(req.t, 'error-signInReport'))
    if (!(await options.reportAccess({ req }))) return problem(403, translate(req.t, 'error-reportForbidden'))
    const names = Object.keys(req.query ?? {}).filter((name) => !PAYLOAD_PARAMETERS.has(name))
    if (names.length) return problem(400, translate(req.t, 'error-noParameters', { names: names.join(', ') }))
    return json(await complianceReport(req, options))
  },
})
