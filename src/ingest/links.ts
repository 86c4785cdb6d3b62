import { relatedLinksField } from '../fields/relatedLinks'
import type { RelatedLink } from './types'

/** What the article's related links hold (their field is the one home of these limits): a label is a title, not a paragraph. */
const LINKS_FIELD = relatedLinksField()
const MAX_LINKS = LINKS_FIELD.maxRows ?? Infinity
const MAX_LABEL_LENGTH =
  LINKS_FIELD.fields.flatMap((field) => ('name' in field && field.name === 'label' && 'maxLength' in field ? [field.maxLength ?? Infinity] : []))[0] ??
  Infinity

/** The links an article can hold: each with a label that fits, at most as many as the field takes. */
export const fittingLinks = (links: RelatedLink[]): RelatedLink[] =>
  links.filter((link) => link.label && link.label.length <= MAX_LABEL_LENGTH).slice(0, MAX_LINKS)
