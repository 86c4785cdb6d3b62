import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { Construct, Problem, TemplateNode } from '../template.ts'
import type { TranslationKey } from '../translations/translate.ts'
import type { TemplateVariables } from '../types.ts'

import { problemsIn } from '../template.ts'
import { translate } from '../translations/translate.ts'

/** Every variable a notice may use, with placeholder values; the resolver fills the real ones. */
export const templateVocabulary = (options: ResolvedOptions): TemplateVariables => ({
  ...options.extraVariables,
  publisher: { name: '', copyrightStartYear: '', jurisdiction: '' },
  year: '',
  source: { name: '', code: '', credit: '', copyrightHolder: '' },
  site: { name: '' },
})

const CONSTRUCT_NAMES: Record<Construct, TranslationKey> = {
  '{{{': 'template-triple',
  '{{&': 'template-ampersand',
  '{{#': 'template-section',
  '{{^': 'template-inverted',
  '{{/': 'template-sectionEnd',
  '{{!': 'template-comment',
  '{{>': 'template-partial',
  '{{=': 'template-delimiters',
}

/** What to tell whoever wrote the template, one message per problem (unknown names together). */
const messages = (problems: Problem[], req: PayloadRequest): string[] => {
  const unknown = [...new Set(problems.filter((p) => p.kind === 'unknown').map((p) => p.tag))]
  const others = problems.flatMap((problem): string[] => {
    const { tag } = problem
    switch (problem.kind) {
      case 'construct': {
        const what = translate(req.t, CONSTRUCT_NAMES[problem.construct])
        return [translate(req.t, 'error-templateConstruct', { tag, what, construct: problem.construct, example: '{{publisher.name}}' })]
      }
      case 'link-url':
        return [translate(req.t, 'error-templateLinkUrl', { tag })]
      case 'split':
        return [translate(req.t, 'error-templateSplit', { tag })]
      case 'unclosed':
        return [translate(req.t, 'error-templateUnclosed', { tag, open: '{{', close: '}}' })]
      default:
        return []
    }
  })
  return [...others, ...(unknown.length ? [translate(req.t, 'error-unknownVariables', { count: unknown.length, names: unknown.join(', ') })] : [])]
}

/**
 * A notice body holds text and `{{known.variable}}` placeholders, nothing else of mustache: any
 * other construct, an unknown name, or a placeholder cut by formatting is refused when the notice
 * is saved (a 400 naming it), never a blank or markup at read time.
 */
export const rejectTemplateProblems =
  (options: ResolvedOptions): CollectionBeforeValidateHook =>
  ({ collection, data, req }) => {
    const body = data?.body
    if (!body?.root) return data
    const problems = problemsIn(body.root as TemplateNode, templateVocabulary(options))
    if (problems.length) {
      const errors = messages(problems, req).map((message) => ({ path: 'body', message }))
      throw new ValidationError({ collection: collection.slug, errors }, req.t)
    }
    return data
  }
