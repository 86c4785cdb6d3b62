'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { useAction } from './useAction'

const TEXTS = {
  en: {
    label: 'New secret',
    confirm: 'Replace the secret? Deliveries from now on are signed with the new one; update your receiver.',
    shown: 'The new secret, shown this once: copy it to your receiver.',
    hint: 'The secret is shown once, when the webhook is created through the API. Make a new one here to read it.',
  },
  fr: {
    label: 'Nouveau secret',
    confirm: 'Remplacer le secret ? Les livraisons seront désormais signées avec le nouveau ; mettez à jour votre récepteur.',
    shown: 'Le nouveau secret, montré cette seule fois : copiez-le dans votre récepteur.',
    hint: 'Le secret n’est montré qu’une fois, à la création du webhook par l’API. Créez-en un nouveau ici pour le lire.',
  },
  de: {
    label: 'Neues Geheimnis',
    confirm: 'Geheimnis ersetzen? Zustellungen werden ab jetzt mit dem neuen signiert; passen Sie Ihren Empfänger an.',
    shown: 'Das neue Geheimnis, nur dieses eine Mal gezeigt: in den Empfänger kopieren.',
    hint: 'Das Geheimnis wird nur einmal gezeigt, beim Anlegen des Webhooks über die API. Hier ein neues erzeugen, um es zu lesen.',
  },
}

/** On a webhook's edit view: `POST /api/webhooks/:id/secret`, and the new secret shown once. */
export const RotateSecret = () => {
  const { id } = useDocumentInfo()
  const { post, texts } = useAction(TEXTS)
  const [state, setState] = useState<{ busy: boolean; secret?: string; error?: string }>({ busy: false })
  if (!id) return null

  const onClick = async () => {
    if (!window.confirm(texts.confirm)) return
    setState({ busy: true })
    const answer = await post<{ secret?: string }>(`/webhooks/${id}/secret`)
    if (answer.ok && answer.body.secret) setState({ busy: false, secret: answer.body.secret })
    else setState({ busy: false, error: answer.ok ? 'HTTP 200 without a secret' : answer.error })
  }

  return (
    <div className="field-type webhook-secret" style={{ marginBottom: 'var(--base)' }}>
      <p style={{ color: 'var(--theme-elevation-500)' }}>{texts.hint}</p>
      <Button buttonStyle="secondary" disabled={state.busy} onClick={onClick} size="small">
        {texts.label}
      </Button>
      {state.secret && (
        <div role="status">
          <p>{texts.shown}</p>
          <code data-testid="webhook-secret" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
            {state.secret}
          </code>
        </div>
      )}
      {state.error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {state.error}
        </p>
      )}
    </div>
  )
}
