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
                  <td key={c} style={{ background: share === null ? undefined : shade(share) }}>
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

/**
 * A share's shade: the heat map's colour, more opaque the more was retained, at most 0.78 so that the text on it
 * (--color-text on the white card) keeps WCAG's 4.5:1 (it went to 0.88, where a cohort all back the next day — the
 * first D1 > 0, as soon as a day has passed — read at 4.08:1, and axe failed the story).
 */
function shade(share: number) {
  return `rgba(91, 91, 214, ${(0.08 + Math.min(Math.max(share, 0), 1) * 0.7).toFixed(3)})`
}
