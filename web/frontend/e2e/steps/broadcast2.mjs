// The broadcasts' part of the browser story (issue 12): a Telegram channel (its API is a local fake the test runs),
// three contacts on it and a segment of them, made through the API as an integration would; then the broadcast is
// composed in the dashboard, sent, and its progress bar watched until it reaches 100 %.
import { eventually } from './waits.mjs'

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function sendABroadcastAndWatchItComplete({ page, step, parley, botId, shot }) {
  const name = `Story sale ${Date.now().toString(36)}`

  await step('a Telegram channel with three contacts and a segment of them', async () => {
    await page.goto(`${parley}/broadcasts`)
    const made = await page.evaluate(async (bot) => {
      const { accessToken } = JSON.parse(localStorage.getItem('parley.session') ?? '{}')
      const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }
      const post = async (path, body) => {
        const answer = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) })
        if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`)
        return answer.json()
      }
      const channel = await post(`/api/v1/bots/${bot}/channels`, { type: 'telegram', name: 'Story Telegram',
        credentials: { botToken: '123456789:story-token' } })
      for (const [chat, displayName] of [['7001', 'Ada'], ['7002', 'Ben'], ['7003', 'Cai']]) {
        await post('/api/v1/contacts', { channelId: channel.id, externalUserId: chat, displayName, tags: ['story'] })
      }
      await post('/api/v1/segments', { name: 'Story customers', definition: { tags: { any: ['story'] } } })
      return channel.id
    }, botId)
    if (!made) throw new Error('the Telegram channel was not created')
  })

  await step('compose a broadcast to the segment, send it, and watch the progress bar reach 100 %', async () => {
    await page.reload()
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Story customers' })
    await page.getByRole('checkbox', { name: /^Story Telegram/ }).check()
    await page.getByLabel('Message', { exact: true }).fill('Hello {{contact.displayName}}, 20% off today')
    await page.getByRole('region', { name: 'Reach and cost' }).getByText('Story Telegram: 3 recipients').waitFor()
    await shot(page, 'broadcast-composer')
    await page.getByRole('button', { name: 'Send broadcast' }).click()
    const bar = page.getByRole('progressbar', { name: `Progress of ${name}` })
    await eventually('the progress bar reaches 100 %', async () => (await bar.getAttribute('value')) === '100',
      { timeout: 60_000, interval: 500 })
    await page.getByText('3 sent, 0 delivered, 0 read, 0 failed, 0 opted out').waitFor()
    await shot(page, 'broadcast-completed')
  })
}
