import { buildEditorState } from '@payloadcms/richtext-lexical'
import { t as translateWith } from '@payloadcms/translations'

import { en } from '../src/translations/en.ts'

/** A notice body: one paragraph of plain text. */
export const paragraph = (text: string) => buildEditorState({ text })

/** Payload's `t` over the plugin's English texts, as a request in English has it. */
export const t = ((key: string, vars?: Record<string, unknown>) =>
  translateWith({ key, translations: en as never, vars: vars ?? {} })) as never
