import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import { renderWithProviders } from '../../test/render'
import { CohortHeatMap } from './CohortHeatMap'

/** WCAG's relative luminance of an sRGB colour (0..255 channels). */
function luminance([r, g, b]: number[]) {
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The contrast of the page's text (--color-text, #161a2b) on a cell's rgba() shade over the white card. */
function contrastOfText(background: string) {
  const [r, g, b, a] = /rgba?\(([^)]+)\)/.exec(background)![1].split(',').map(Number)
  const over = [r, g, b].map((c) => c * a + 255 * (1 - a))
  const [light, dark] = [luminance(over), luminance([0x16, 0x1a, 0x2b])]
  return (light + 0.05) / (dark + 0.05)
}

describe('The retention heat map', () => {
  it('keeps its text readable (4.5:1) on every shade, a whole cohort back the next day included', () => {
    // the story's first D1 after midnight: its one contact came back, 100 %
    const rows = Array.from({ length: 21 }, (_, i) => ({ cohort: `2026-12-${String(i + 1).padStart(2, '0')}`,
      contacts: 1, d1: i / 20, d7: 1, d30: 0 }))
    renderWithProviders(<CohortHeatMap columns={['cohort', 'contacts', 'd1', 'd7', 'd30']} rows={rows} />)

    const cells = screen.getAllByRole('cell').filter((cell) => cell.style.background)
    expect(cells).toHaveLength(21 * 3)
    for (const cell of cells) {
      expect(contrastOfText(cell.style.background), `${cell.textContent} on ${cell.style.background}`)
        .toBeGreaterThanOrEqual(4.5)
    }
  })
})
