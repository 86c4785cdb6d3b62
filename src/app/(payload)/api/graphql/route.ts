import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlGet } from '@/api/graphqlGet'
import { wellFormedGraphql } from '@/api/wellFormed'

const graphql = wellFormedGraphql(GRAPHQL_POST(config))

export const POST = graphql
export const GET = graphqlGet(config, graphql)
export const OPTIONS = REST_OPTIONS(config)
