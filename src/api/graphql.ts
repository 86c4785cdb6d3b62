import type { PayloadRequest } from 'payload'

import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { type ExecutionArgs, GraphQLError, Kind, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql'

import { LIMITS } from '@/limits'

import { isCapped, overCap } from './caps'

const { maxDepth, maxAliases, maxCost, depthCostFactor } = LIMITS.graphql

const refusal = (message: string, nodes?: GraphQLError['nodes']) =>
  new GraphQLError(message, { nodes, extensions: { name: 'QueryLimitError', statusCode: 400 } })

// graphql-armor throws out of the validation by default, which graphql-http answers with a 500;
// reported instead, the refusal is an ordinary validation error. Its messages name the limit and its
// value ("Query depth limit of 8 exceeded, found 14.") behind a misleading "Syntax Error: ".
const armor = {
  propagateOnRejection: false,
  onReject: [
    (context: null | ValidationContext, error: GraphQLError) =>
      context?.reportError(refusal(error.message.startsWith('Syntax Error: ') ? error.message.slice(14) : error.message)),
  ],
}

/** A literal or variable argument's value, as far as the caps need one. */
const valueOf = (node: ValueNode, variables: ExecutionArgs['variableValues']): unknown => {
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value] ?? undefined
  return undefined
}

/** `limit` and `pagination` arguments of lists, under the caps REST has (`overCap`). */
const listArguments =
  (variables: ExecutionArgs['variableValues']): ValidationRule =>
  (context) => ({
    Field(node) {
      const asked: Record<string, unknown> = {}
      for (const argument of node.arguments ?? []) {
        if (argument.name.value === 'limit' || argument.name.value === 'pagination') {
          asked[argument.name.value] = valueOf(argument.value, variables)
        }
      }
      if (!('limit' in asked || 'pagination' in asked)) return
      const problem = overCap(asked, true)
      if (problem) context.reportError(refusal(`${node.name.value}: ${problem}.`, [node]))
    },
  })

/**
 * Payload's `graphQL.validationRules`: depth, aliases and a cost that grows with nesting for every
 * caller (introspection, as the admin's GraphQL playground sends it, is not counted), and the REST
 * caps on `limit` for everyone but admins. All refuse before anything runs.
 */
export const graphqlLimits = (args: ExecutionArgs): ValidationRule[] => {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  return [
    maxDepthRule({ n: maxDepth, ...armor }),
    maxAliasesRule({ n: maxAliases, ...armor }),
    costLimitRule({ maxCost, depthCostFactor, ...armor }),
    ...(req && !isCapped(req) ? [] : [listArguments(args.variableValues)]),
  ]
}
