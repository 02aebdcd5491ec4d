import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { formatRelative } from '../../format/dates'
import { Badge, Button, CopyField, Notice, ProblemAlert } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { EditChannelDialog, type Channel } from './EditChannelDialog'
import { WebChannelSettings } from './WebChannelSettings'

type Verification = components['schemas']['ChannelVerification']

const HEALTH_TONE = { healthy: 'success', unhealthy: 'danger', unverified: 'warning' } as const

/** One channel: what to paste where (webhook URL, verify token, embed snippet), its health, and its actions. */
export function ChannelCard({ channel, onChanged }: { channel: Channel; onChanged: () => void }) {
  const { t } = useTranslation('channels')
  const [editing, setEditing] = useState(false)
  const { canConfigure } = usePermissions()
  const title = channel.name || t('unnamed', { type: t(`types.${channel.type}`) })
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/channels/{channelId}/verify', {
      params: { path: { botId: channel.botId, channelId: channel.id ?? '' } },
    })),
    onSettled: onChanged,
  })
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/bots/{botId}/channels/{channelId}', {
      params: { path: { botId: channel.botId, channelId: channel.id ?? '' } },
    })),
    onSuccess: onChanged,
  })
  const health = channel.health as keyof typeof HEALTH_TONE
  const hints = Object.entries(channel.credentials ?? {})
  return (
    <article className="p-card channel-card" aria-label={title}>
      <header className="channel-card__head">
        <span className={`channel-card__type channel-card__type--${channel.type}`} aria-hidden="true">
          {t(`types.${channel.type}`).slice(0, 1)}
        </span>
        <div className="channel-card__title">
          <h2>{title}</h2>
          <span className="p-muted">{t(`types.${channel.type}`)}{channel.externalId ? ` · ${channel.externalId}` : ''}</span>
        </div>
        <span aria-label={t('healthLabel', { health: t(`health.${health}`) })}>
          <Badge tone={HEALTH_TONE[health] ?? 'warning'}>{t(`health.${health}`)}</Badge>
        </span>
      </header>
      {(channel.healthDetail || channel.verifiedAt) && (
        <p className="p-muted channel-card__detail">
          {channel.healthDetail}{channel.verifiedAt ? ` · ${t('checkedAt', { when: formatRelative(channel.verifiedAt) })}` : ''}
        </p>
      )}
      {channel.type === 'web' ? (
        channel.embedSnippet && <Labelled label={t('embedSnippet')} hint={t('embedHint')} value={channel.embedSnippet} />
      ) : (
        <Labelled label={t('webhookUrl')} value={channel.webhookUrl ?? ''}
                  hint={channel.type === 'telegram' ? t('telegramWebhookHint') : t('webhookHint')} />
      )}
      {channel.type === 'web' && <WebChannelSettings channel={channel} onChanged={onChanged} />}
      {channel.verifyToken && <Labelled label={t('verifyToken')} value={channel.verifyToken} />}
      {hints.length > 0 && (
        <dl className="channel-card__hints" aria-label={t('stored')}>
          {hints.map(([field, hint]) => (
            <div key={field}>
              <dt>{t(`fields.${field}`, { defaultValue: field })}</dt>
              <dd className="p-mono">{hint.set ? hint.last4 ?? '••••' : '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      <div aria-live="polite">
        {verify.data && (verify.data.status === 'healthy' ? (
          // a web chat has no provider account to name: its detail says what there is to know
          <Notice tone="success">{verify.data.account ? t('verified', { account: describe(verify.data.account) }) : verify.data.detail}</Notice>
        ) : (
          <Notice tone="danger"><strong>{t('verifyFailed')}:</strong> {verify.data.detail}</Notice>
        ))}
        {verify.error && <ProblemAlert error={verify.error} onRetry={() => verify.mutate()} />}
        {remove.error && <ProblemAlert error={remove.error} />}
      </div>
      {canConfigure && (
        <div className="p-row">
          <Button variant="primary" size="sm" busy={verify.isPending} onClick={() => { verify.reset(); verify.mutate() }}>{t('verify')}</Button>
          <Button size="sm" onClick={() => setEditing(true)}>{t('edit')}</Button>
          <Button size="sm" variant="danger" busy={remove.isPending}
                  onClick={() => window.confirm(t('confirmDelete', { name: title })) && remove.mutate()}>
            {t('delete')}
          </Button>
        </div>
      )}
      {editing && <EditChannelDialog channel={channel} title={title} onClose={() => setEditing(false)}
                                     onSaved={() => { setEditing(false); onChanged() }} />}
    </article>
  )
}

function Labelled({ label, hint, value }: { label: string; hint?: string; value: string }) {
  return (
    <div className="p-field">
      <span className="p-field__label">{label}</span>
      <CopyField value={value} label={label} />
      {hint && <span className="p-field__hint">{hint}</span>}
    </div>
  )
}

/** "Lumi (@123abcde) · Udead…", from whatever the provider told. */
function describe(account: Verification['account']): string {
  if (!account) return '—'
  const name = [account.name, account.handle && `(${account.handle})`].filter(Boolean).join(' ')
  return [name, account.id].filter(Boolean).join(' · ')
}
