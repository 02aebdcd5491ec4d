import { useTranslation } from 'react-i18next'
import type { Row } from './figures'

/** Retention cohorts as a table whose cells are shaded by the share retained (a heat map that stays readable). */
export function CohortHeatMap({ columns, rows }: { columns: string[]; rows: Row[] }) {
  const { t } = useTranslation('analytics')
  const shares = columns.slice(2)
  return (
    <div className="analytics-scroll">
      <table className="analytics-cohorts">
        <thead>
          <tr>
            <th scope="col">{t('charts.cohort')}</th>
            <th scope="col">{t('charts.contacts')}</th>
            {shares.map((c) => <th key={c} scope="col">{c.toUpperCase()}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row.cohort)}>
              <th scope="row">{String(row.cohort)}</th>
              <td>{String(row.contacts)}</td>
              {shares.map((c) => {
                const share = typeof row[c] === 'number' ? (row[c] as number) : null
                return (
                  <td key={c} style={{ background: share === null ? undefined : `rgba(91, 91, 214, ${0.08 + share * 0.8})` }}>
                    {share === null ? '–' : `${Math.round(share * 100)}%`}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
