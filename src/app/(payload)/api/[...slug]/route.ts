import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { cachedReads } from '@/api/httpCache'
import { wellFormedRest } from '@/api/wellFormed'

export const GET = cachedReads(config, wellFormedRest(config, REST_GET(config)))
export const POST = wellFormedRest(config, REST_POST(config))
export const DELETE = wellFormedRest(config, REST_DELETE(config))
export const PATCH = wellFormedRest(config, REST_PATCH(config))
export const PUT = wellFormedRest(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
