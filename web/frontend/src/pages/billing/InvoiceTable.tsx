import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Card, EmptyState, Notice } from '../../ui'
import { formatDate, formatMoney } from './format'

type Invoice = components['schemas']['Invoice']

/** The tenant's invoices from Stripe; null means Stripe could not be asked just now. */
export function InvoiceTable({ invoices }: { invoices: Invoice[] | null | undefined }) {
  const { t } = useTranslation('billing')
  return (
    <Card title={t('invoices.title')}>
      {invoices == null ? <Notice>{t('invoices.unavailable')}</Notice>
        : invoices.length === 0 ? <EmptyState title={t('invoices.empty')} /> : (
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr>
                <th>{t('invoices.number')}</th><th>{t('invoices.date')}</th><th>{t('invoices.amount')}</th>
                <th>{t('invoices.status')}</th><th><span className="visually-hidden">{t('invoices.view')}</span></th>
              </tr></thead>
              <tbody>
                {invoices.map((invoice) => (
                  <tr key={invoice.id}>
                    <td className="p-mono">{invoice.number ?? invoice.id}</td>
                    <td>{formatDate(invoice.created)}</td>
                    <td>{formatMoney(invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue, invoice.currency)}</td>
                    <td>{invoice.status}</td>
                    <td className="p-row">
                      {invoice.hostedUrl && <a href={invoice.hostedUrl} target="_blank" rel="noreferrer">{t('invoices.view')}</a>}
                      {invoice.pdfUrl && <a href={invoice.pdfUrl} target="_blank" rel="noreferrer">{t('invoices.pdf')}</a>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  )
}
