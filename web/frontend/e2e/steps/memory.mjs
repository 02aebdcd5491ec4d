// Long memory (issue 14) in the browser story: the bot keeps a rolling summary of what falls out of a short history
// window; once a conversation is longer than the window, the summary job (the demo model writes it) fills the inbox
// contact panel's "Conversation summary", which an agent corrects.
import { expectAccessible, settled } from './a11y.mjs'
import { eventually } from './waits.mjs'

/**
 * @param {{ dashboard: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string }} story
 */
export async function keepALongMemory({ dashboard, step, parley, botId }) {
  await step('the bot keeps a conversation summary beyond a history of 2 messages', async () => {
    await dashboard.goto(`${parley}/bots/${botId}`)
    await dashboard.getByLabel('History length').fill('2')
    await dashboard.getByRole('button', { name: 'Save', exact: true }).click()
    await dashboard.getByText('Saved. New conversations use these settings at once.').waitFor()
    const memory = dashboard.getByRole('form', { name: 'Long memory' })
    await memory.getByLabel('Keep a conversation summary').check()
    // the card says nothing when it saved: wait for the PATCH's answer, or the reload below cancels it (or reads the
    // bot before it committed)
    const [saved] = await Promise.all([
      dashboard.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/v1/bots/${botId}`)),
      memory.getByRole('button', { name: 'Save long memory' }).click(),
    ])
    if (!saved.ok()) throw new Error(`the long memory setting was not saved: ${saved.status()} ${await saved.text()}`)
    await dashboard.reload()
    await settled(dashboard)
    const summary = dashboard.getByRole('form', { name: 'Long memory' }).getByLabel('Keep a conversation summary')
    if (!(await summary.isChecked())) throw new Error('the long memory setting did not stay on')
  })
}

/**
 * @param {{ dashboard: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 * @param {string} contact the contact whose conversation went past the window
 */
export async function readAndCorrectTheSummaryInTheInbox({ dashboard, step, parley, shot }, contact) {
  await step('the inbox contact panel shows the conversation summary, and an agent corrects it', async () => {
    await dashboard.goto(`${parley}/inbox?view=all`)
    await dashboard.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(`^${contact}`) }).click()
    const panel = dashboard.getByRole('region', { name: 'Contact', exact: true })
    const written = panel.getByText(/^Summarized by /)
    // the summary job runs in the background, after the reply that filled the window: a reload shows it, as for a user
    // (each look waits a few seconds: the panel draws after the page has settled)
    await eventually('a conversation summary in the contact panel after the chat', async () => {
      if (await written.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return true
      await dashboard.reload()
      await settled(dashboard)
      return false
    }, { timeout: 60_000, interval: 0 })
    await shot(dashboard, 'inbox-conversation-summary')
    const correction = `${contact} is a member who likes oat milk; she asked about opening hours.`
    await panel.getByRole('button', { name: 'Edit summary' }).click()
    await panel.getByRole('textbox', { name: 'Summary' }).fill(correction)
    await panel.getByRole('button', { name: 'Save summary' }).click()
    await panel.getByText(correction).waitFor()
    await panel.getByText(/^Edited by an agent, /).waitFor()
    await expectAccessible(dashboard, 'conversation with its summary')
  })
}
