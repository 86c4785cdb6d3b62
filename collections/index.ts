import { Articles } from './Articles'
import { AuditLog } from './AuditLog'
import { Media } from './Media'
import { Sections } from './Sections'
import { Sites } from './Sites'
import { Users } from './Users'
import { WebhookDeliveries } from './WebhookDeliveries'
import { Webhooks } from './Webhooks'

export { LegalNotices } from './LegalNotices'
export { Publisher } from './Publisher'
export { WireSources } from './WireSources'

/** The app's own collections; `legal-notices`, `wire-sources` and `publisher` are the attribution plugin's, with the overrides above. */
export const collections = [Articles, Sections, Sites, Media, Users, AuditLog, Webhooks, WebhookDeliveries]
