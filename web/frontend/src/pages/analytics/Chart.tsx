import { useEffect, useRef, useState, type ReactNode } from 'react'
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, Bar, BarChart } from 'recharts'
import type { Row } from './figures'

const COLORS = ['#5b5bd6', '#12a594', '#e5484d', '#f76b15']

/** The width of the chart's box (charts get it as a number; 600 where nothing measures, as in tests). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(600)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(260, Math.floor(entry.contentRect.width))))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, width }
}

function Frame({ children }: { children: (width: number) => ReactNode }) {
  const { ref, width } = useWidth()
  return <div ref={ref} className="analytics-chart">{children(width)}</div>
}

/** A time series: one line per series, x = the rows' bucket labels. */
export function LinesChart({ rows, x, series }: { rows: Row[]; x: string; series: { key: string; name: string }[] }) {
  return (
    <Frame>{(width) => (
      <LineChart width={width} height={240} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={x} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 11 }} width={48} />
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={COLORS[i % COLORS.length]}
                dot={false} isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    )}</Frame>
  )
}

/** Bars of one value per category. */
export function BarsChart({ rows, x, value, name }: { rows: Row[]; x: string; value: string; name: string }) {
  return (
    <Frame>{(width) => (
      <BarChart width={width} height={220} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={x} tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} width={56} />
        <Tooltip />
        <Bar dataKey={value} name={name} fill={COLORS[0]} isAnimationActive={false} />
      </BarChart>
    )}</Frame>
  )
}
