import { buildEditorState } from '@payloadcms/richtext-lexical'

/** A notice body: one paragraph of plain text. */
export const paragraph = (text: string) => buildEditorState({ text })
