'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { useAction } from './useAction'

const TEXTS = {
  en: { label: 'Redeliver', busy: 'Queuing…', done: 'Queued: it leaves within seconds, with the same delivery id.', hint: 'Send this delivery again now (same delivery id).' },
  fr: { label: 'Relivrer', busy: 'Mise en file…', done: 'En file : elle part dans quelques secondes, avec le même identifiant.', hint: 'Envoyer de nouveau cette livraison maintenant (même identifiant).' },
  de: { label: 'Erneut zustellen', busy: 'Wird eingereiht…', done: 'Eingereiht: sie geht in Sekunden hinaus, mit derselben Zustell-ID.', hint: 'Diese Zustellung jetzt erneut senden (dieselbe Zustell-ID).' },
}

/** On a webhook delivery's edit view: `POST /api/webhook-deliveries/:id/redeliver`, then the view reloads. */
export const Redeliver = () => {
  const { id } = useDocumentInfo()
  const { post, texts } = useAction(TEXTS)
  const router = useRouter()
  const [state, setState] = useState<{ busy: boolean; message?: string; failed?: boolean }>({ busy: false })
  if (!id) return null

  const onClick = async () => {
    setState({ busy: true })
    const answer = await post(`/webhook-deliveries/${id}/redeliver`)
    if (answer.ok) {
      setState({ busy: false, message: texts.done })
      router.refresh()
    } else setState({ busy: false, failed: true, message: answer.error })
  }

  return (
    <div className="field-type webhook-redeliver" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={state.busy} onClick={onClick} tooltip={texts.hint} size="small">
        {state.busy ? texts.busy : texts.label}
      </Button>
      {state.message && (
        <p role="status" style={{ color: state.failed ? 'var(--theme-error-500)' : undefined }}>
          {state.message}
        </p>
      )}
    </div>
  )
}
