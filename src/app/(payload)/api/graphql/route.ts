import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { wellFormedGraphql } from '@/api/wellFormed'

export const POST = wellFormedGraphql(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
