// The team inbox's part of the browser story (issue 18 parts 1-3): a flow hands the widget's chat to a person, the
// widget says a person will answer, the inbox counts it (nav, tab title) and the bell tells of it, an agent assigns it
// to themselves, writes a private note, answers with a canned reply and resolves it.
import { eventually } from './waits.mjs'

/**
 * @param {{ dashboard: import('playwright-core').Page, site: import('playwright-core').Page,
 *           step: (name: string, run: () => Promise<void>) => Promise<void>, parley: string, botId: string,
 *           shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function handOffAndWorkTheInbox({ dashboard, site, step, parley, botId, shot }) {
  const stamp = Date.now().toString(36)
  const note = `VIP customer, refund approved ${stamp}`
  const canned = `Thanks for waiting! ${stamp}`

  await step('a flow hands the widget chat to a person; the widget says a person will answer', async () => {
    await dashboard.goto(`${parley}/inbox?view=all`)
    const ok = await dashboard.evaluate(async (bot) => {
      const { accessToken } = JSON.parse(localStorage.getItem('parley.session') ?? '{}')
      const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }
      // the story took the widget's conversation over earlier: hand it back, so the bot (and its flows) answer
      const held = await (await fetch('/api/v1/conversations?takenOver=true', { headers })).json()
      for (const c of held.items ?? []) {
        await fetch(`/api/v1/conversations/${c.id}/release`, { method: 'POST', headers, body: '{}' })
      }
      const flow = await fetch(`/api/v1/bots/${bot}/flows`, {
        method: 'POST', headers, body: JSON.stringify({
          name: 'Ask for a person', priority: 100,
          trigger: { type: 'keyword', keywords: ['human'], match: 'contains' },
          steps: [{ type: 'handoff', message: 'Connecting you to our team.' }],
        }),
      })
      return flow.ok
    }, botId)
    if (!ok) throw new Error('the hand-off flow could not be created')
    await site.getByRole('textbox', { name: 'Message' }).fill('I want a human, please')
    await site.getByRole('button', { name: 'Send' }).click()
    await site.getByRole('log', { name: 'Messages' }).getByRole('listitem')
      .filter({ hasText: 'Connecting you to our team.' }).waitFor({ timeout: 30_000 })
    await site.getByText('A person will answer you here soon.').waitFor()
    await shot(site, 'widget-person-will-answer')
  })

  await step('the inbox counts the conversation that needs a person, in the nav and the tab title; the bell tells', async () => {
    await dashboard.goto(`${parley}/inbox`) // the default view: needs a person
    await dashboard.getByRole('navigation', { name: 'Main navigation' }).getByText('1 conversation needs a person').waitFor()
    await dashboard.waitForFunction(() => document.title === '(1) Inbox · Parley')
    // the bell tells of the hand-off too (and emails it where SMTP is set up), linking to the conversation
    await dashboard.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click()
    const told = dashboard.getByRole('region', { name: 'Notifications' }).getByRole('listitem')
      .filter({ hasText: /asks for a person/ }).first()
    await told.getByRole('link', { name: 'Open' }).waitFor()
    await shot(dashboard, 'inbox-bell-hand-off')
    await dashboard.getByRole('button', { name: /^Notifications/ }).click() // closes the panel
    await dashboard.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click()
    await dashboard.getByText('A keyword the contact wrote handed this conversation to a person: the bot is paused').waitFor()
    await shot(dashboard, 'inbox-needs-a-person')
  })

  await step('assign it to me and write a private note', async () => {
    // taking over (an earlier step of the story) already assigned it to the agent who took over
    // (the assignment draws with the conversation and the members, after the thread: look until it says Me; the
    // combobox's text holds every option, so its selected option is what tells)
    const assign = dashboard.getByRole('button', { name: 'Assign to me' })
    const assignee = dashboard.getByRole('combobox', { name: 'Assigned to' }).locator('option:checked')
    await eventually('the conversation is assigned to me', async () => {
      if ((await assignee.count()) && (await assignee.textContent()) === 'Me') return true
      if (await assign.isVisible()) await assign.click({ timeout: 2_000 }).catch(() => {})
      return false
    })
    await dashboard.getByRole('button', { name: 'Private note', exact: true }).click()
    await dashboard.getByRole('textbox', { name: 'Private note' }).fill(note)
    await dashboard.getByRole('button', { name: 'Add note' }).click()
    await dashboard.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: note }).waitFor()
    await shot(dashboard, 'inbox-private-note')
  })

  await step('save a canned reply and answer with it through /', async () => {
    const thread = dashboard.url()
    await dashboard.goto(`${parley}/settings/canned-replies`)
    await dashboard.getByRole('textbox', { name: /^Shortcut/ }).fill('thanks')
    await dashboard.getByRole('textbox', { name: 'Text', exact: true }).fill(canned)
    await dashboard.getByRole('button', { name: 'Save' }).click()
    await dashboard.getByRole('list', { name: 'Canned replies' }).getByText('/thanks').waitFor()
    await shot(dashboard, 'canned-replies')
    await dashboard.goto(thread)
    const reply = dashboard.getByRole('textbox', { name: 'Reply', exact: true })
    await reply.fill('/tha')
    await dashboard.getByRole('listbox', { name: 'Canned replies' }).getByRole('option').first().waitFor()
    await reply.press('Enter') // inserts the canned reply
    await reply.press('Enter') // sends it
    await site.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: canned })
      .waitFor({ timeout: 20_000 })
    const widgetText = await site.getByRole('log', { name: 'Messages' }).textContent()
    if (widgetText?.includes(note)) throw new Error('the private note reached the widget')
  })

  await step('resolve it: the count goes', async () => {
    await dashboard.getByRole('button', { name: 'Resolve' }).click()
    await dashboard.getByRole('button', { name: 'Reopen' }).waitFor()
    await dashboard.waitForFunction(() => !document.title.startsWith('('))
    await shot(dashboard, 'inbox-resolved')
  })
}
