import { decode, formatOf, type WireInput } from './decode'
import { parseNinjs } from './ninjs'
import { parseNitf } from './nitf'
import { parseTextPage } from './text'
import { type Deadline, NO_DEADLINE, type Story, type WireFormat } from './types'

const PARSERS: Record<WireFormat, (text: string, deadline: Deadline) => Story> = {
  text: parseTextPage,
  nitf: parseNitf,
  ninjs: parseNinjs,
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
  return story
}
