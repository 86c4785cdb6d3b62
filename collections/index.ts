import { Articles } from './Articles'
import { AuditLog } from './AuditLog'
import { LegalNotices } from './LegalNotices'
import { Sections } from './Sections'
import { Sites } from './Sites'
import { Users } from './Users'
import { WireSources } from './WireSources'

export { Publisher } from './globals/Publisher'

export const collections = [Articles, WireSources, Sections, Sites, LegalNotices, Users, AuditLog]
