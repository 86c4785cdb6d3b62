import { decode, formatOf, type WireInput } from './decode'
import { parseNinjs } from './ninjs'
import { parseNitf } from './nitf'
import { parseTextPage } from './text'
import { type Deadline, IngestError, NO_DEADLINE, type Story, type WireFormat } from './types'

const PARSERS: Record<WireFormat, (text: string, deadline: Deadline) => Story> = {
  text: parseTextPage,
  nitf: parseNitf,
  ninjs: parseNinjs,
}

/** The first field of a story holding a NUL character (PostgreSQL refuses it in text), with its path. */
const nulAt = (value: unknown, path: string): string | undefined => {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined
  if (!value || typeof value !== 'object') return undefined
  for (const [key, inner] of Object.entries(value)) {
    const found = nulAt(inner, path ? `${path}.${key}` : key)
    if (found) return found
  }
  return undefined
}

/**
 * Bytes in any of the three formats → one normalized story, or an IngestError saying why not;
 * past the deadline, the timeout error.
 */
export const parseStory = (input: WireInput, deadline: Deadline = NO_DEADLINE): Story => {
  deadline.check()
  const format = formatOf(input)
  const text = decode(input, format)
  deadline.check()
  const story = PARSERS[format](text, deadline)
  deadline.check()
  const nul = nulAt(story, '')
  if (nul) throw new IngestError(`${nul}: the story holds a NUL character (\\u0000), which is not text`)
  return story
}
