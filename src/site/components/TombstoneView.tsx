import type { Tombstone } from '../tombstone'

import { tombstoneText } from '../tombstone'

/** The page of a story that is gone: why, and which source; never its headline or body. */
export function TombstoneView({ tombstone }: { tombstone: Tombstone }) {
  const { title, text } = tombstoneText(tombstone)
  return (
    <main className="site-main" id="main">
      <article className="article tombstone">
        <h1>{title}</h1>
        <p>{text}</p>
        {tombstone.message && <blockquote className="tombstone__message">{tombstone.message}</blockquote>}
      </article>
    </main>
  )
}
