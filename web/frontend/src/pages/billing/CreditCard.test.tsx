import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import { renderWithProviders } from '../../test/render'
import i18n from '../../i18n'
import { CreditCard } from './CreditCard'

const grant = { id: 'g1', amount: 2500, currency: 'usd', reason: 'Outage on 3 December',
  grantedBy: 'operator ops@example.com', stripeTransactionId: 'cbtxn_1', createdAt: '2026-12-07T08:00:00Z' }

describe('Credit card of the billing page', () => {
  it('shows the credit left and each grant with its reason', () => {
    renderWithProviders(<CreditCard credit={{ remaining: 1800, currency: 'usd', grants: [grant] }} />)

    expect(screen.getByText('Credit: $18.00 left for your next invoices')).toBeInTheDocument()
    expect(screen.getByText(/\$25\.00 on .*: Outage on 3 December/)).toBeInTheDocument()
  })

  it('says when Stripe could not tell the balance, and shows nothing without credit', () => {
    const { unmount } = renderWithProviders(<CreditCard credit={{ remaining: null, currency: 'usd', grants: [grant] }} />)
    expect(screen.getByText('Credit: the balance could not be read from Stripe right now.')).toBeInTheDocument()
    unmount()

    renderWithProviders(<CreditCard credit={{ remaining: 0, currency: 'usd', grants: [] }} />)
    expect(screen.queryByText(/Credit/)).not.toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    renderWithProviders(<CreditCard credit={{ remaining: 1800, currency: 'usd', grants: [grant] }} />)

    expect(screen.getByText(/額度：剩餘 .*18\.00，將用於您接下來的發票/)).toBeInTheDocument()
    await i18n.changeLanguage('en')
  })
})
