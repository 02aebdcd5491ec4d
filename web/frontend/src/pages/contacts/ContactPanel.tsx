import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useIsAgent } from '../../auth/useMyRole'
import { formatDateTime } from '../../format/dates'
import { Badge, Button, CopyField, Loading, ProblemAlert } from '../../ui'
import { ContactEditForm } from './ContactEditForm'
import { ContactSubscriptions } from '../premium/ContactSubscriptions'
import { ContactMemory } from '../memory/ContactMemory'
import { contactName } from './contactName'
import { useContact, useCreateSetupLink, useUpdateContact, type Contact } from './contactData'
import './contacts.css'

/**
 * Everything about one contact: how each channel knows them, tier, blocked, attributes (editable by agents), and a
 * setup link to send them. Shown next to an inbox thread and on the contact's own page.
 */
export function ContactPanel({ contactId, footer }: { contactId: string; footer?: ReactNode }) {
  const { t } = useTranslation('contacts')
  const contact = useContact(contactId)
  const canEdit = useIsAgent() === true
  if (contact.isPending) return <Loading />
  if (contact.error) return <ProblemAlert error={contact.error} onRetry={() => contact.refetch()} />
  const c = contact.data
  return (
    <section className="contact-panel" aria-label={t('panel.label')}>
      <header className="contact-panel__head">
        <h2>{contactName(c, c.identities[0]?.channelType)}</h2>
        <div className="p-row">
          <Badge tone="primary">{t('panel.tier', { tier: c.tier })}</Badge>
          {c.blocked && <Badge tone="danger">{t('panel.blocked')}</Badge>}
        </div>
        {c.lastSeenAt && <p className="p-muted contact-panel__small">{t('panel.lastSeen', { when: formatDateTime(c.lastSeenAt) })}</p>}
      </header>
      <Identities contact={c} />
      <ContactSubscriptions contactId={c.id} blocked={c.blocked} canEdit={canEdit} />
      <ContactMemory contactId={c.id} canEdit={canEdit} />
      {footer}
      <ContactEditForm key={c.id} contact={c} readOnly={!canEdit} />
      {canEdit && <SetupLink contact={c} />}
      {canEdit && <BlockToggle contact={c} />}
    </section>
  )
}

function Identities({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts')
  return (
    <div>
      <h3 className="contact-panel__section">{t('panel.channels')}</h3>
      <ul className="contact-panel__identities">
        {contact.identities.map((i) => (
          <li key={i.channelId}>
            <span className="p-row" style={{ gap: 'var(--space-2)' }}>
              <strong>{t(`channelType.${i.channelType}`)}</strong>
              <Badge tone={i.following ? 'success' : 'warning'}>{t(i.following ? 'panel.following' : 'panel.notFollowing')}</Badge>
            </span>
            <span className="p-mono contact-panel__small" aria-label={t('panel.identity')}>{i.externalUserId}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

function SetupLink({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts')
  const create = useCreateSetupLink(contact.id)
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <h3 className="contact-panel__section">{t('setup.title')}</h3>
      <p className="p-muted contact-panel__small">{t('setup.help')}</p>
      {create.data ? (
        <>
          <CopyField value={create.data.url} label={t('setup.link')} />
          <p className="p-muted contact-panel__small">{t('setup.expires', { when: formatDateTime(create.data.expiresAt) })}</p>
        </>
      ) : (
        <div><Button size="sm" busy={create.isPending} disabled={contact.blocked} onClick={() => create.mutate()}>{t('setup.create')}</Button></div>
      )}
      {create.error && <ProblemAlert error={create.error} />}
    </div>
  )
}

/** Blocking silences the bots for this person and voids their setup links, so it asks first. */
function BlockToggle({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts')
  const update = useUpdateContact(contact.id)
  const toggle = () => {
    if (!contact.blocked && !window.confirm(t('block.confirm', { name: contactName(contact) }))) return
    update.mutate({ blocked: !contact.blocked })
  }
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <h3 className="contact-panel__section">{t('block.title')}</h3>
      <p className="p-muted contact-panel__small">{t(contact.blocked ? 'block.blockedHelp' : 'block.help')}</p>
      <div>
        <Button size="sm" variant={contact.blocked ? 'secondary' : 'danger'} busy={update.isPending} onClick={toggle}>
          {t(contact.blocked ? 'block.unblock' : 'block.block')}
        </Button>
      </div>
      {update.error && <ProblemAlert error={update.error} />}
    </div>
  )
}
