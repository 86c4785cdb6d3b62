import Mustache from 'mustache'

import type { TemplateVariables } from './types.ts'

type Token = [string, string, number, number, Token[]?]

/** The `{{names}}` a template uses, in order of first use. */
export const variablesIn = (template: string): string[] => {
  const names: string[] = []
  const walk = (tokens: Token[]) => {
    for (const [type, name, , , children] of tokens) {
      if ((type === 'name' || type === '&' || type === '#' || type === '^') && !names.includes(name)) names.push(name)
      if (children) walk(children)
    }
  }
  walk(Mustache.parse(template) as Token[])
  return names
}

/** The names of `variables`, flattened with dots (`publisher.name`). */
export const knownVariables = (variables: TemplateVariables, prefix = ''): string[] =>
  Object.entries(variables).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? knownVariables(value as TemplateVariables, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )

/** Names used in `template` that `variables` does not define. */
export const unknownVariables = (template: string, variables: TemplateVariables): string[] => {
  const known = new Set(knownVariables(variables))
  return variablesIn(template).filter((name) => !known.has(name))
}

const identity = (value: unknown) => String(value)

/** Fills `{{variables}}`; values are HTML-escaped when `html` is set. */
export const fill = (template: string, variables: TemplateVariables, { html }: { html: boolean }): string =>
  Mustache.render(template, variables, {}, { escape: html ? Mustache.escape : identity })
