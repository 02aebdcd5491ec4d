// The flow editor's part of the browser story (issue 13 part 7): build a gate that asks the contact's name until it
// is set (a question with a pattern, re-asked when the answer does not fit) and then branches on it, entirely in the
// editor; then talk to it in the bot's test chat, through the real pipeline. The flow is deleted at the end so the
// steps after this one meet the bot as it was.

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function buildAndTalkToAGateFlow({ page, step, parley, botId, shot }) {
  const key = 'storyName'

  await step('build a gate that asks the name, then branches on it, in the flow editor', async () => {
    await page.goto(`${parley}/bots/${botId}/flows/new`)
    await page.getByLabel('Name', { exact: true }).fill('Name first')
    await page.getByLabel('Trigger', { exact: true }).selectOption('gate')
    const until = page.getByRole('group', { name: /^Until/ })
    await until.getByLabel('Field', { exact: true }).selectOption('contact.attributes')
    await until.getByLabel('Key', { exact: true }).fill(key)

    const steps = page.getByRole('region', { name: 'Steps', exact: true })
    await steps.getByRole('listitem', { name: 'Step 1: Text' }).getByLabel('Step type').selectOption('ask')
    const ask = steps.getByRole('listitem', { name: 'Step 1: Ask and wait for the answer' })
    await ask.getByLabel('Question', { exact: true }).fill('What is your name?')
    await ask.getByLabel('Answer type', { exact: true }).selectOption('regex')
    await ask.getByLabel('Pattern', { exact: true }).fill('[a-z]{2,20}')
    await ask.getByLabel('Key', { exact: true }).fill(key)
    await ask.getByLabel('Re-ask text (optional)').fill('Letters only, please.')

    await steps.getByLabel('New step type').last().selectOption('branch')
    await steps.getByRole('button', { name: 'Add step' }).last().click()
    const branch = steps.getByRole('listitem', { name: 'Step 2: Branch (if/else)' })
    const condition = branch.getByRole('group', { name: 'If', exact: true })
    await condition.getByLabel('Key', { exact: true }).fill(key)
    await condition.getByLabel('Comparison').selectOption('equals')
    await condition.getByLabel('Value', { exact: true }).fill('Ada')
    await branch.getByRole('region', { name: 'Then' }).getByLabel('Text', { exact: true }).fill(`Welcome back, {{contact.attributes.${key}}}!`)
    const otherwise = branch.getByRole('region', { name: 'Otherwise' })
    await otherwise.getByRole('button', { name: 'Add step' }).click()
    await otherwise.getByLabel('Text', { exact: true }).fill(`Nice to meet you, {{contact.attributes.${key}}}.`)
    await shot(page, 'flow-editor-gate')

    await page.getByRole('button', { name: 'Save flow' }).click()
    await page.getByText('Flow saved.').waitFor()
    await page.setViewportSize({ width: 375, height: 860 })
    await shot(page, 'flow-editor-375px')
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  await step('the test chat: the gate asks, re-asks an answer that does not fit, captures the name and branches', async () => {
    await page.getByRole('button', { name: 'Test chat', exact: true }).click()
    const chat = page.getByRole('region', { name: 'Test chat' })
    const lines = chat.getByRole('log', { name: 'Test messages' }).getByRole('listitem')
    const say = async (text, answer) => {
      await chat.getByLabel('Message', { exact: true }).fill(text)
      await chat.getByRole('button', { name: 'Send' }).click()
      await lines.filter({ hasText: answer }).last().waitFor({ timeout: 20_000 })
    }
    await say('hi', 'What is your name?')
    await say('42', 'Letters only, please.')
    await say('Ada', 'Welcome back, Ada!') // the branch read the captured attribute
    await shot(page, 'test-chat-gate-captured')

    await page.goto(`${parley}/bots/${botId}/flows`)
    await page.getByRole('link', { name: 'Edit Name first' }).click()
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: 'Delete flow' }).click()
    await page.waitForURL(new RegExp(`/bots/${botId}/flows$`))
  })
}
