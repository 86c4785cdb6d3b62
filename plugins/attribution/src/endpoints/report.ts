import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.ts'

import { complianceReport } from '../report.ts'
import { translate } from '../translations/translate.ts'
import { json, problem } from './respond.ts'

/** `GET /api/attribution/report`: the compliance dashboard's figures, for whom `reportAccess` admits. */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, translate(req.t, 'error-signInReport'))
    if (!(await options.reportAccess({ req }))) return problem(403, translate(req.t, 'error-reportForbidden'))
    return json(await complianceReport(req, options))
  },
})
