import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { translate } from '../translations/translate.ts'

/** The compliance view in the admin's navigation. */
export const ComplianceNavLink = ({ i18n, payload }: ServerProps) => (
  <a className="nav__link" href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: '/compliance', serverURL: undefined })}>
    <span className="nav__link-label">{translate(i18n.t, 'compliance-title')}</span>
  </a>
)
