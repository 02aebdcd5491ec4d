// The Analytics page's part of the browser story (issue 11): after the story's conversations, the page shows
// figures and charts drawn from them (the rollups are refreshed by the queue at the end of each minute, so the page
// is reloaded until they arrive), and a chart's CSV download holds the same figures.
import { readFile } from 'node:fs/promises'

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function readTheAnalyticsPage({ page, step, parley, shot }) {
  let messagesIn = 0

  await step('the Analytics page shows the conversations\' figures and charts', async () => {
    await page.goto(`${parley}/bots`)
    await page.getByRole('navigation').getByRole('link', { name: 'Analytics' }).click()
    await page.waitForURL(/\/analytics/)
    const deadline = Date.now() + 120_000 // a refresh is due at the end of the minute of the first message
    for (;;) {
      const value = await messagesFromContacts(page)
      if (value > 0) {
        messagesIn = value
        break
      }
      if (Date.now() > deadline) throw new Error(`no messages on the Analytics page 2 minutes after the story's: ${value}`)
      await page.waitForTimeout(3_000)
      await page.reload()
    }
    for (const chart of ['Messages', 'Active contacts']) {
      const region = page.getByRole('region', { name: chart, exact: true })
      await region.locator('svg .recharts-line-curve').first().waitFor()
      const points = await region.locator('svg .recharts-line-curve').first().getAttribute('d')
      if (!points || points.length < 10) throw new Error(`the ${chart} chart has no line: ${points}`)
    }
    await shot(page, 'analytics')
  })

  await step('download the messages chart as CSV and read the same figures in it', async () => {
    // the rollups may take in more of the story's messages between the page's figure and the download (a refresh at
    // the end of each minute): compare the CSV with the figure shown right before it, reloading until they agree
    const deadline = Date.now() + 90_000
    for (;;) {
      messagesIn = await messagesFromContacts(page)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download Messages as CSV' }).click(),
      ])
      const file = await download.path()
      const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/)
      const header = lines[0].split(',')
      const inColumn = header.indexOf('messagesIn')
      if (header[0] !== 'bucket' || inColumn < 0) throw new Error(`not the messages CSV: ${lines[0]}`)
      const totals = lines.at(-1).split(',')
      if (totals[0] !== 'total') throw new Error(`the CSV does not end with its totals: ${lines.at(-1)}`)
      if (Number(totals[inColumn]) !== messagesIn) {
        if (Date.now() < deadline) {
          await page.waitForTimeout(3_000)
          await page.reload()
          continue
        }
        throw new Error(`the CSV's messagesIn total ${totals[inColumn]} is not the page's ${messagesIn}`)
      }
      const buckets = lines.slice(1, -1).reduce((sum, line) => sum + Number(line.split(',')[inColumn]), 0)
      if (buckets !== messagesIn) throw new Error(`the CSV's buckets add up to ${buckets}, not ${messagesIn}`)
      return
    }
  })
}

/**
 * The "Messages from contacts" card's figure, once the page has it: the card is drawn at once with "–" and its
 * figure arrives with the page's query, so a read right after a (re)load would see "–" (NaN).
 *
 * @param {import('playwright-core').Page} page
 */
async function messagesFromContacts(page) {
  const figure = page.getByRole('group', { name: 'Messages from contacts' }).locator('.analytics-card__value')
    .filter({ hasText: /^\s*\d+\s*$/ })
  await figure.waitFor()
  return Number.parseInt((await figure.textContent())?.trim() ?? '', 10)
}
