'use client'

import { useRouter } from 'next/navigation.js'
import { useEffect } from 'react'

/**
 * In the admin's live preview: render the page again each time the editor saves. Speaks
 * Payload's live-preview messages itself (tell the admin we are ready; refresh on a
 * `payload-document-event`) because `@payloadcms/live-preview-react` is not published at
 * Payload's version, and Payload refuses to start beside a mismatched `@payloadcms/*` package.
 * The admin and the pages share an origin, so messages from any other origin are ignored.
 */
export const RefreshOnSave = () => {
  const router = useRouter()
  useEffect(() => {
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin === origin && (event.data as { type?: string } | null)?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    ;(window.opener ?? window.parent)?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
