import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'

/** The compliance view in the admin's navigation. */
export const ComplianceNavLink = ({ payload }: ServerProps) => (
  <a className="nav__link" href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: '/compliance', serverURL: undefined })}>
    <span className="nav__link-label">Compliance</span>
  </a>
)
