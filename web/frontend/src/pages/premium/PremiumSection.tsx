import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Badge, Button, Card, CopyField, EmptyState, Loading, ProblemAlert, TextField } from '../../ui'
import {
  useConnectStripe, useCreateOffer, useDeleteOffer, useDisconnectStripe, useOffers, useStripeAccount,
  type StripeAccount,
} from './premiumData'
import './premium.css'

/**
 * "Stripe for your contacts" on the Billing page: the tenant's own Stripe account (write-only keys: only the last 4
 * characters come back) and the offers it sells its contacts. Owners and admins only, like the API.
 */
export function PremiumSection() {
  const { t } = useTranslation('premium')
  const account = useStripeAccount()
  if (account.error instanceof ApiProblem && account.error.status === 403) return null
  return (
    <Card title={t('title')}>
      <div className="p-stack">
        <p className="p-muted">{t('description')}</p>
        {account.isPending ? <Loading /> : account.error ? <ProblemAlert error={account.error} onRetry={() => account.refetch()} />
          : <>
            <AccountForm account={account.data} />
            <Offers connected={account.data.configured} />
          </>}
      </div>
    </Card>
  )
}

function AccountForm({ account }: { account: StripeAccount }) {
  const { t } = useTranslation('premium')
  const connect = useConnectStripe()
  const disconnect = useDisconnectStripe()
  const [editing, setEditing] = useState(!account.configured)
  const [secretKey, setSecretKey] = useState('')
  const [webhookSecret, setWebhookSecret] = useState('')
  const [returnUrl, setReturnUrl] = useState(account.returnUrl ?? '')
  const fields = connect.error instanceof ApiProblem ? connect.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    connect.mutate({ secretKey: secretKey.trim(), webhookSecret: webhookSecret.trim(), returnUrl: returnUrl.trim() || null },
      { onSuccess: () => { setSecretKey(''); setWebhookSecret(''); setEditing(false) } })
  }
  const remove = () => {
    if (window.confirm(t('account.confirmDisconnect'))) disconnect.mutate(undefined, { onSuccess: () => setEditing(true) })
  }
  return (
    <section className="p-stack premium-account" aria-label={t('account.title')}>
      <h3 className="premium__heading">{t('account.title')}</h3>
      {account.configured ? (
        <p className="p-row">
          <Badge tone="success">{t('account.connected', {
            last4: account.secretKeyLast4, mode: t(account.livemode ? 'account.live' : 'account.test'),
          })}</Badge>
        </p>
      ) : <p className="p-muted">{t('account.notConnected')}</p>}
      <CopyField value={account.webhookUrl} label={t('account.webhookUrl')} />
      {editing ? (
        <form className="p-stack" onSubmit={submit} noValidate>
          {connect.error && Object.keys(fields).length === 0 && <ProblemAlert error={connect.error} />}
          <TextField label={t('account.secretKey')} hint={t('account.secretKeyHint')} type="password" autoComplete="off"
                     required value={secretKey} error={fields.secretKey} onChange={(e) => setSecretKey(e.target.value)} />
          <TextField label={t('account.webhookSecret')} hint={t('account.webhookHint')} type="password" autoComplete="off"
                     required value={webhookSecret} error={fields.webhookSecret}
                     onChange={(e) => setWebhookSecret(e.target.value)} />
          <TextField label={t('account.returnUrl')} hint={t('account.returnUrlHint')} type="url" value={returnUrl}
                     error={fields.returnUrl} onChange={(e) => setReturnUrl(e.target.value)} />
          <div className="p-row">
            <Button type="submit" variant="primary" busy={connect.isPending}>{t('account.connect')}</Button>
            {account.configured && <Button onClick={() => setEditing(false)}>{t('common:actions.cancel')}</Button>}
          </div>
        </form>
      ) : (
        <div className="p-row">
          <Button onClick={() => setEditing(true)}>{t('account.replace')}</Button>
          <Button variant="danger" busy={disconnect.isPending} onClick={remove}>{t('account.disconnect')}</Button>
        </div>
      )}
      {disconnect.error && <ProblemAlert error={disconnect.error} />}
    </section>
  )
}

function Offers({ connected }: { connected: boolean }) {
  const { t } = useTranslation('premium')
  const offers = useOffers()
  const create = useCreateOffer()
  const remove = useDeleteOffer()
  const [name, setName] = useState('')
  const [price, setPrice] = useState('')
  const [tier, setTier] = useState('premium')
  const fields = create.error instanceof ApiProblem ? create.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate({ name: name.trim(), stripePriceId: price.trim(), tier: tier.trim() },
      { onSuccess: () => { setName(''); setPrice('') } })
  }
  const items = offers.data?.items ?? []
  return (
    <section className="p-stack" aria-label={t('offers.title')}>
      <h3 className="premium__heading">{t('offers.title')}</h3>
      {offers.isPending ? <Loading /> : offers.error ? <ProblemAlert error={offers.error} />
        : items.length === 0 ? <EmptyState title={t('offers.empty')} /> : (
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr>
                <th>{t('offers.name')}</th><th>{t('offers.price')}</th><th>{t('offers.tier')}</th>
                <th>{t('offers.placeholder')}</th><th />
              </tr></thead>
              <tbody>
                {items.map((offer) => (
                  <tr key={offer.id}>
                    <td>{offer.name}</td>
                    <td className="p-mono">{offer.stripePriceId}</td>
                    <td><Badge tone="primary">{offer.tier}</Badge></td>
                    <td className="p-mono premium__placeholder">{offer.placeholder}</td>
                    <td>
                      <Button size="sm" variant="danger" busy={remove.isPending && remove.variables === offer.id}
                              onClick={() => { if (window.confirm(t('offers.confirmDelete', { name: offer.name }))) remove.mutate(offer.id) }}>
                        {t('offers.delete')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {remove.error && <ProblemAlert error={remove.error} />}
      {connected ? (
        <form className="premium__offer-form" onSubmit={submit} noValidate>
          {create.error && Object.keys(fields).length === 0 && <ProblemAlert error={create.error} />}
          <TextField label={t('offers.name')} required maxLength={100} value={name} error={fields.name}
                     onChange={(e) => setName(e.target.value)} placeholder="Premium monthly" />
          <TextField label={t('offers.price')} required value={price} error={fields.stripePriceId}
                     onChange={(e) => setPrice(e.target.value)} placeholder="price_…" />
          <TextField label={t('offers.tier')} required value={tier} error={fields.tier}
                     onChange={(e) => setTier(e.target.value)} />
          <div><Button type="submit" variant="primary" busy={create.isPending}>{t('offers.add')}</Button></div>
        </form>
      ) : <p className="p-muted">{t('offers.connectFirst')}</p>}
    </section>
  )
}
