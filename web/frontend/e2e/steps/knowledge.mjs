// The knowledge base's part of the browser story (issue 14 part 4): upload a Markdown document on the bot's Knowledge
// tab, watch it get indexed by the worker, try a question in the "Test a question" box, then ask the test chat and
// see the demo LLM's answer cite the excerpt it was given. The knowledge base is switched off again at the end so the
// steps after this one meet the bot as it was.

const GUIDE = `# Opening hours
The shop opens Monday to Friday from 9:00 to 18:00, and on Saturday from 10:00 to 14:00.

# 退款
退貨後三十天內退款，請攜帶收據。
`

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function uploadADocumentAndSeeACitedAnswer({ page, step, parley, botId, shot }) {
  await step('upload a document to the bot\'s knowledge base and see it indexed', async () => {
    await page.goto(`${parley}/bots/${botId}/knowledge`)
    const add = page.getByRole('region', { name: 'Add a source' })
    await add.getByLabel('Type', { exact: true }).selectOption('file')
    await add.getByLabel('File', { exact: true }).setInputFiles({ name: 'shop-guide.md', mimeType: 'text/markdown',
      buffer: Buffer.from(GUIDE, 'utf8') })
    await add.getByRole('button', { name: 'Add', exact: true }).click()
    const row = page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /shop-guide\.md/ })
    await row.getByText('Ready').waitFor({ timeout: 30_000 }) // the page polls while the worker indexes it

    const settings = page.getByRole('region', { name: 'Use in answers' })
    await settings.getByLabel('Answer from the knowledge base').check()
    await settings.getByRole('button', { name: 'Save', exact: true }).click()
    await settings.getByText('Saved. The next answer uses these settings.').waitFor()

    const test = page.getByRole('region', { name: 'Test a question' })
    await test.getByLabel('Question', { exact: true }).fill('請問退款要多久？')
    await test.getByRole('button', { name: 'Search' }).click()
    await test.getByText('[1] shop-guide.md › 退款').waitFor()
    await shot(page, 'knowledge-base')
  })

  await step('the test chat answers from the document and cites it', async () => {
    await page.getByRole('button', { name: 'Test chat', exact: true }).click()
    const chat = page.getByRole('region', { name: 'Test chat' })
    await chat.getByLabel('Message', { exact: true }).fill('When are you open on Saturday?')
    await chat.getByRole('button', { name: 'Send' }).click()
    await chat.getByRole('log', { name: 'Test messages' }).getByRole('listitem')
      .filter({ hasText: '[1] (shop-guide.md › Opening hours)' }).last().waitFor({ timeout: 20_000 })
    await shot(page, 'knowledge-cited-answer')
    await page.getByRole('button', { name: 'Close test chat' }).click()

    const settings = page.getByRole('region', { name: 'Use in answers' })
    await settings.getByLabel('Answer from the knowledge base').uncheck()
    await settings.getByRole('button', { name: 'Save', exact: true }).click()
    await settings.getByText('Saved. The next answer uses these settings.').waitFor()
  })
}
