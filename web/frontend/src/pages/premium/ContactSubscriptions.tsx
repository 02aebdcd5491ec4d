import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/dates'
import { formatDate } from '../billing/format'
import { Badge, Button, CopyField, ProblemAlert, SelectField } from '../../ui'
import { useContactSubscriptions, useCreateCheckoutLink, useOffers, type ContactSubscription } from './premiumData'
import './premium.css'

const GRANTING = ['active', 'trialing', 'past_due']

/**
 * The contact panel's premium part: the contact's subscriptions in the tenant's Stripe account (offer, status,
 * period end) and, for agents, a checkout link for one of the offers.
 */
export function ContactSubscriptions({ contactId, blocked, canEdit }: { contactId: string; blocked: boolean; canEdit: boolean }) {
  const { t } = useTranslation('premium')
  const subscriptions = useContactSubscriptions(contactId)
  const offers = useOffers()
  const items = subscriptions.data?.items ?? []
  const offerItems = offers.data?.items ?? []
  if (items.length === 0 && offerItems.length === 0) return null
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <h3 className="contact-panel__section">{t('contact.title')}</h3>
      {subscriptions.error && <ProblemAlert error={subscriptions.error} />}
      {items.length === 0 ? <p className="p-muted contact-panel__small">{t('contact.none')}</p> : (
        <ul className="premium__subscriptions">
          {items.map((s) => <Subscription key={s.stripeSubscriptionId} subscription={s} />)}
        </ul>
      )}
      {canEdit && offerItems.length > 0 && <CheckoutLink contactId={contactId} blocked={blocked} offers={offerItems} />}
    </div>
  )
}

function Subscription({ subscription: s }: { subscription: ContactSubscription }) {
  const { t } = useTranslation('premium')
  const granting = GRANTING.includes(s.status)
  const status = t(`contact.status.${s.status}`, { defaultValue: s.status })
  return (
    <li aria-label={s.offerName ?? t('contact.deletedOffer')}>
      <span className="p-row" style={{ gap: 'var(--space-2)' }}>
        <strong>{s.offerName ?? t('contact.deletedOffer')}</strong>
        <Badge tone={s.status === 'active' || s.status === 'trialing' ? 'success' : granting ? 'warning' : 'danger'}>{status}</Badge>
      </span>
      {granting && s.currentPeriodEnd && (
        <span className="p-muted contact-panel__small">
          {t(s.cancelAtPeriodEnd ? 'contact.ends' : 'contact.renews', { date: formatDate(s.currentPeriodEnd) })}
        </span>
      )}
    </li>
  )
}

function CheckoutLink({ contactId, blocked, offers }: {
  contactId: string; blocked: boolean; offers: { id: string; name: string }[]
}) {
  const { t } = useTranslation('premium')
  const [offerId, setOfferId] = useState(offers[0]?.id ?? '')
  const create = useCreateCheckoutLink(contactId)
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <p className="p-muted contact-panel__small">{t('contact.linkHelp')}</p>
      <SelectField label={t('contact.offer')} value={offerId} onChange={(e) => { setOfferId(e.target.value); create.reset() }}>
        {offers.map((offer) => <option key={offer.id} value={offer.id}>{offer.name}</option>)}
      </SelectField>
      {create.data ? (
        <>
          <CopyField value={create.data.url} label={t('contact.link')} />
          <p className="p-muted contact-panel__small">{t('contact.expires', { when: formatDateTime(create.data.expiresAt) })}</p>
        </>
      ) : (
        <div><Button size="sm" busy={create.isPending} disabled={blocked} onClick={() => create.mutate(offerId)}>{t('contact.createLink')}</Button></div>
      )}
      {create.error && <ProblemAlert error={create.error} />}
    </div>
  )
}
