import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { usePermissions } from '../../auth/useMyRole'
import { Badge, Button, Card, EmptyState, Loading, Notice, ProblemAlert } from '../../ui'
import { FallbackCard } from './FallbackCard'
import { TemplateEditor } from './TemplateEditor'
import { type Template, useDeleteTemplate, useSyncTemplates, useTemplates, useWhatsAppChannels } from './templateData'
import './templates.css'

const TONES: Record<string, 'success' | 'danger' | 'warning' | 'primary'> = {
  APPROVED: 'success', REJECTED: 'danger', DISABLED: 'danger', PAUSED: 'warning', PENDING: 'primary',
}

/** A bot's WhatsApp templates: sync, list with review status, submit new ones, and the 24-hour fallback per channel. */
export function TemplatesPage() {
  const { t } = useTranslation('templates')
  const { botId = '' } = useParams()
  const { canConfigure } = usePermissions()
  const channels = useWhatsAppChannels(botId)
  const templates = useTemplates(botId)
  const sync = useSyncTemplates(botId)
  const remove = useDeleteTemplate(botId)
  const [editing, setEditing] = useState(false)
  const [submitted, setSubmitted] = useState(false)

  if (channels.isPending || templates.isPending) return <Loading />
  if (channels.error) return <ProblemAlert error={channels.error} onRetry={() => channels.refetch()} />
  if (channels.data.length === 0) return <EmptyState title={t('noChannel')} />
  const items = templates.data?.items ?? []
  const status = (template: Template) => (t(`statuses.${template.status}`, { defaultValue: template.status }))

  return (
    <div className="p-stack">
      <div className="flow-toolbar">
        <p className="p-muted">{t('description')}</p>
        {canConfigure && (
          <div className="p-row">
            <Button onClick={() => sync.mutate()} busy={sync.isPending}>{t('sync')}</Button>
            {!editing && <Button variant="primary" onClick={() => { setEditing(true); setSubmitted(false) }}>{t('new')}</Button>}
          </div>
        )}
      </div>
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      {sync.data && <Notice tone="success">{t('synced', { synced: sync.data.synced, removed: sync.data.removed })}</Notice>}
      {sync.error && <ProblemAlert error={sync.error} />}
      {submitted && <Notice tone="success">{t('editor.submitted')}</Notice>}
      {editing && <TemplateEditor botId={botId} channels={channels.data} onDone={() => { setEditing(false); setSubmitted(true) }} />}
      {remove.error && <ProblemAlert error={remove.error} />}
      <Card title={t('list')}>
        {templates.error ? <ProblemAlert error={templates.error} onRetry={() => templates.refetch()} /> :
          items.length === 0 ? <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState> : (
            <div className="p-table-wrap">
              <table className="p-table">
                <thead><tr>
                  <th>{t('name')}</th><th>{t('language')}</th><th>{t('category')}</th><th>{t('status')}</th><th>{t('reason')}</th>
                  {canConfigure && <th><span className="visually-hidden">{t('delete')}</span></th>}
                </tr></thead>
                <tbody>
                  {items.map((template) => (
                    <tr key={template.id}>
                      <td>{template.name}</td>
                      <td>{template.language}</td>
                      <td>{template.category}</td>
                      <td><Badge tone={TONES[template.status]}>{status(template)}</Badge></td>
                      <td>{template.rejectionReason ?? ''}</td>
                      {canConfigure && (
                        <td>
                          <Button size="sm" variant="danger" busy={remove.isPending && remove.variables === template.id}
                                  aria-label={t('deleteTemplate', { name: template.name, language: template.language })}
                                  onClick={() => window.confirm(t('confirmDelete', { name: template.name, language: template.language }))
                                    && remove.mutate(template.id)}>
                            {t('delete')}
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </Card>
      {channels.data.map((channel) => (
        <FallbackCard key={channel.id} botId={botId} channel={channel} templates={items} canConfigure={canConfigure} />
      ))}
    </div>
  )
}
