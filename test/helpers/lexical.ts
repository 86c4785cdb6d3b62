/** A Lexical rich-text value holding one paragraph of plain text. */
export const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        textFormat: 0,
        version: 1,
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
      },
    ],
  },
})

/** A Lexical rich-text value holding one paragraph per string. */
export const paragraphs = (texts: string[]) => {
  const value = paragraph('')
  value.root.children = texts.map((text) => ({ ...paragraph(text).root.children[0] }))
  return value
}
