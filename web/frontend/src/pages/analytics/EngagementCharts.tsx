import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../ui'
import { BarsChart, LinesChart } from './Chart'
import { useFigure, type Figure, type Row } from './figures'

type Query = Record<string, string | number | undefined>

/**
 * LINE free replies vs paid pushes over time, flows fired by flow and buttons pressed (docs/analytics.md
 * `line-sends`, `flows`, `buttons`), each with its CSV download.
 */
export function EngagementCharts({ query, download }: {
  query: Query
  download: (figure: Figure, title: string) => ReactNode
}) {
  const { t } = useTranslation('analytics')
  const lineSends = useFigure('line-sends', query)
  const flows = useFigure('flows', query)
  const buttons = useFigure('buttons', query)
  const share = lineSends.data?.totals?.replyShare
  return (
    <>
      <Card title={t('charts.lineSends')} actions={download('line-sends', t('charts.lineSends'))}>
        {typeof share === 'number' && <p className="p-muted">{t('charts.replyShare', { share: Math.round(share * 100) })}</p>}
        <Rows rows={lineSends.data && (num(lineSends.data.totals?.replies) + num(lineSends.data.totals?.pushes) > 0
          ? lineSends.data.rows : [])}>{(rows) => (
          <LinesChart rows={rows} x="bucket" series={[{ key: 'replies', name: t('charts.replies') },
            { key: 'pushes', name: t('charts.pushes') }]} />
        )}</Rows>
      </Card>
      <Card title={t('charts.flows')} actions={download('flows', t('charts.flows'))}>
        <Rows rows={flows.data?.rows}>{(rows) => (
          <BarsChart rows={rows.map((r) => ({ ...r, flow: r.name ?? String(r.flowId).slice(0, 8) }))}
                     x="flow" value="fired" name={t('charts.fired')} />
        )}</Rows>
      </Card>
      <Card title={t('charts.buttons')} actions={download('buttons', t('charts.buttons'))}>
        <Rows rows={buttons.data?.rows}>{(rows) => (
          <BarsChart rows={rows} x="postback" value="presses" name={t('charts.presses')} />
        )}</Rows>
      </Card>
    </>
  )
}

function num(value: unknown) {
  return typeof value === 'number' ? value : 0
}

function Rows({ rows, children }: { rows: Row[] | undefined; children: (rows: Row[]) => ReactNode }) {
  const { t } = useTranslation('analytics')
  if (!rows) return null
  if (rows.length === 0) return <p className="p-muted">{t('charts.empty')}</p>
  return <>{children(rows)}</>
}
