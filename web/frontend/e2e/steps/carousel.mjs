// A carousel (issue 13) in the browser story: built in the flow editor (two cards side by side, a card's button
// starting another flow chosen by name), then shown by the test chat as a row of cards through the real pipeline; a
// press of a card's button answers the carousel and starts that flow. Both flows are deleted at the end, so the steps
// after this one meet the bot as it was.
import { expectAccessible } from './a11y.mjs'
import { eventually } from './waits.mjs'

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function buildACarouselAndPressACard({ page, step, parley, botId, shot }) {
  const answer = 'One slice of cheesecake, coming up!'
  let orderFlow = ''

  await step('build a carousel of two cards in the flow editor; a card\'s button starts another flow', async () => {
    await page.goto(`${parley}/bots/${botId}/flows`)
    orderFlow = await page.evaluate(async ([bot, text]) => {
      const { accessToken } = JSON.parse(localStorage.getItem('parley.session') ?? '{}')
      const made = await fetch(`/api/v1/bots/${bot}/flows`, {
        method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Order cheesecake', trigger: { type: 'keyword', keywords: ['order cheesecake'], match: 'exact' },
          steps: [{ type: 'text', text }] }),
      })
      return made.ok ? (await made.json()).id : ''
    }, [botId, answer])
    if (!orderFlow) throw new Error('the flow the card\'s button starts could not be created')

    await page.goto(`${parley}/bots/${botId}/flows/new`)
    await page.getByLabel('Name', { exact: true }).fill('Cake menu')
    await page.getByLabel('Trigger', { exact: true }).selectOption('keyword')
    await page.getByLabel('Keywords', { exact: true }).fill('menu')
    const steps = page.getByRole('region', { name: 'Steps', exact: true })
    await steps.getByRole('listitem', { name: 'Step 1: Text' }).getByLabel('Step type').selectOption('carousel')
    const carousel = steps.getByRole('listitem', { name: 'Step 1: Carousel (cards side by side)' })
    const first = carousel.getByRole('group', { name: 'Card 1' })
    await first.getByLabel('Title', { exact: true }).fill('Cheesecake')
    await first.getByLabel('Text', { exact: true }).fill('Baked this morning.')
    await first.getByRole('button', { name: 'Add a button' }).click()
    await first.getByLabel('Label', { exact: true }).fill('Order')
    await first.getByLabel('When pressed').selectOption({ label: 'Start the flow “Order cheesecake”' })
    const second = carousel.getByRole('group', { name: 'Card 2' })
    await second.getByLabel('Title', { exact: true }).fill('Oat latte')
    await second.getByLabel('Text', { exact: true }).fill('Our roast with oat milk.')
    await expectAccessible(page, 'flow editor with a carousel')
    await page.getByRole('button', { name: 'Save flow' }).click()
    await page.getByText('Flow saved.').waitFor()
    await shot(page, 'flow-editor-carousel')
  })

  await step('the test chat shows the cards in a row; pressing a card\'s button starts its flow', async () => {
    await page.getByRole('button', { name: 'Test chat', exact: true }).click()
    const chat = page.getByRole('region', { name: 'Test chat' })
    const lines = chat.getByRole('log', { name: 'Test messages' }).getByRole('listitem')
    await chat.getByLabel('Message', { exact: true }).fill('menu')
    await chat.getByRole('button', { name: 'Send' }).click()
    const cards = chat.getByRole('list', { name: 'Cards' }).last()
    await cards.getByRole('listitem').filter({ hasText: 'Oat latte' }).waitFor({ timeout: 20_000 })
    const cheesecake = cards.getByRole('listitem').filter({ hasText: 'Cheesecake' })
    await expectAccessible(page, 'test chat with a carousel')
    await shot(page, 'test-chat-carousel')
    await cheesecake.getByRole('button', { name: 'Order' }).click()
    await lines.filter({ hasText: answer }).waitFor({ timeout: 20_000 })
    await eventually('the carousel\'s buttons are no longer pressable after it was answered',
      () => cheesecake.getByRole('button', { name: 'Order' }).isDisabled())
    await shot(page, 'test-chat-carousel-pressed')

    for (const name of ['Cake menu', 'Order cheesecake']) {
      await page.goto(`${parley}/bots/${botId}/flows`)
      await page.getByRole('link', { name: `Edit ${name}` }).click()
      page.once('dialog', (dialog) => dialog.accept())
      await page.getByRole('button', { name: 'Delete flow' }).click()
      await page.waitForURL(new RegExp(`/bots/${botId}/flows$`))
    }
  })
}
