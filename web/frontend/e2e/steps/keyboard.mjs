// A keyboard-only walk of the inbox in the browser story (issue 18 part 5): a new visitor asks for a person, and an
// agent who uses no mouse is told (the bell), opens the inbox, moves to the conversation, opens it, assigns it, takes
// it over, answers, writes a private note and resolves it, then opens and closes a dialog, with Tab, Shift+Tab,
// Enter, Space, Escape and the arrow keys only (page.keyboard: no clicks, no fill). After every key the focused
// element must show its focus (an outline or a ring, on screen), and after each action focus must land where the
// next one starts.
import { eventually, TIMEOUT } from './waits.mjs'

/**
 * @param {{ dashboard: import('playwright-core').Page, site: import('playwright-core').Page,
 *           step: (name: string, run: () => Promise<void>) => Promise<void>, parley: string, botId: string,
 *           shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function walkTheInboxByKeyboard({ dashboard: page, site, step, parley, botId, shot }) {
  const stamp = Date.now().toString(36)
  const ask = `Can a person help me with my order? I want a human ${stamp}`
  const reply = `Yes, I can help with your order ${stamp}`
  const note = `Asked about an order, answered by keyboard ${stamp}`
  const visitor = await newVisitor(site)
  const keys = new Keys(page)
  let conversationId = ''
  let waiting = 0 // conversations that need a person, as the tab title counts them

  try {
    await step('keyboard: a new visitor asks for a person in the widget', async () => {
      await visitor.getByRole('button', { name: 'Chat with us' }).click() // the visitor may use a mouse
      await visitor.getByRole('textbox', { name: 'Message' }).fill(ask)
      await visitor.getByRole('button', { name: 'Send' }).click()
      await visitor.getByText('A person will answer you here soon.').waitFor({ timeout: 30_000 })
      conversationId = await waitingConversationWith(page, parley, stamp)
    })

    await step('keyboard: the skip link leads to the page, and the bell tells of the hand-off and closes on Escape',
      async () => {
        await page.goto(`${parley}/bots`)
        await page.getByRole('heading', { level: 1 }).first().waitFor()
        await keys.press('Tab')
        await keys.expectFocusOn(page.getByRole('link', { name: 'Skip to content' }), 'the skip link')
        await keys.press('Enter')
        await keys.expectFocusOn(page.getByRole('main'), 'the main area, after the skip link')
        const bell = page.getByRole('button', { name: /^Notifications/ })
        await keys.tabTo(bell, 'the bell', { back: true })
        await keys.press('Enter')
        const panel = page.getByRole('region', { name: 'Notifications' })
        await panel.getByText('asks for a person', { exact: false }).first().waitFor()
        await keys.tabTo(panel.getByRole('link').first(), 'the first notification\'s link')
        await keys.press('Escape')
        await panel.waitFor({ state: 'hidden' })
        await keys.expectFocusOn(bell, 'the bell, after its panel closed on Escape')
      })

    await step('keyboard: open the inbox and move to the conversation that needs a person', async () => {
      const inbox = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Inbox/ })
      await keys.tabTo(inbox, 'the nav\'s Inbox link')
      await keys.press('Enter')
      await page.waitForURL(/\/inbox$/)
      // every conversation, so there are rows to move between (the default view holds the one that waits)
      await keys.tabTo(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All', exact: true }),
        'the All view')
      await keys.press('Space')
      await page.waitForURL(/view=all/)
      const list = page.getByRole('list', { name: 'Conversations' })
      const rows = list.getByRole('link')
      await rows.nth(1).waitFor() // the story's first visitor's conversation, and this one
      // one stop for the whole list (roving focus): Tab reaches its first row, the arrow keys move inside
      await keys.tabTo(rows.first(), 'the first conversation')
      const target = list.locator(`a[href^="/inbox/${conversationId}"]`) // its preview is the bot's hand-off text
      await keys.press('ArrowDown')
      await keys.expectFocusOn(rows.nth(1), 'the second conversation, after ↓')
      await keys.press('Home')
      await keys.expectFocusOn(rows.first(), 'the first conversation, after Home')
      await keys.press('End')
      await keys.expectFocusOn(rows.last(), 'the last conversation, after End')
      const count = await rows.count()
      for (let i = 0; i < count && !(await isFocused(target)); i++) await keys.press('ArrowUp')
      await keys.expectFocusOn(target, 'the visitor\'s conversation, reached with ↑')
      await keys.press('Shift+Tab')
      await keys.press('Tab')
      await keys.expectFocusOn(target, 'the same conversation again: Tab comes back to the row the list was left on')
    })

    await step('keyboard: open it; focus lands on the thread\'s heading', async () => {
      await keys.press('Enter')
      await page.waitForURL(/\/inbox\/[^/?]+/)
      await keys.expectFocusOn(page.getByRole('heading', { level: 2 }).and(page.locator('.inbox-thread__head h2')),
        'the thread\'s heading, after opening the conversation')
      await page.getByText('A keyword the contact wrote handed this conversation to a person').waitFor()
      // the count comes with the inbox's own query, maybe after the thread: wait for it
      waiting = await eventually('the tab title counts the conversation that needs a person',
        async () => (await page.evaluate(waitingInTitle)) || false)
      await shot(page, 'keyboard-thread-opened')
    })

    await step('keyboard: assign it to me; focus stays on the assignment', async () => {
      await keys.tabTo(page.getByRole('button', { name: 'Assign to me' }), 'Assign to me')
      await keys.press('Enter')
      const assigned = page.getByRole('combobox', { name: 'Assigned to' })
      await assigned.filter({ hasText: 'Me' }).waitFor()
      await page.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached' })
      await keys.expectFocusOn(assigned, 'the assignee, after Assign to me (the button is gone)')
    })

    await step('keyboard: take over; focus lands in the reply box; write and send a reply', async () => {
      await keys.tabTo(page.getByRole('button', { name: 'Take over' }), 'Take over')
      await keys.press('Enter')
      await page.getByRole('button', { name: 'Hand back to bot' }).waitFor()
      const box = page.getByRole('textbox', { name: 'Reply', exact: true })
      await keys.expectFocusOn(box, 'the reply box, after taking over')
      await page.keyboard.type(reply)
      await keys.press('Enter')
      await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: reply }).waitFor()
      await keys.expectFocusOn(box, 'the reply box, emptied, after sending')
      // answered: it no longer needs a person, and the tab title counts one less
      await page.waitForFunction((before) => Number(/^\((\d+)\)/.exec(document.title)?.[1] ?? 0) < before, waiting)
      if (await box.inputValue()) throw new Error('the reply box still holds the sent reply')
      await visitor.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: reply })
        .waitFor({ timeout: 20_000 })
    })

    await step('keyboard: switch to a private note with Space and add it', async () => {
      await keys.tabTo(page.getByRole('button', { name: 'Private note', exact: true }), 'the Private note mode', { back: true })
      await keys.press('Space')
      const box = page.getByRole('textbox', { name: 'Private note' })
      await keys.tabTo(box, 'the note box')
      await page.keyboard.type(note)
      await keys.press('Enter')
      await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: note }).waitFor()
      await keys.expectFocusOn(box, 'the note box, after adding the note')
      await shot(page, 'keyboard-note')
    })

    await step('keyboard: resolve it; focus stays on the button, which now reopens it', async () => {
      const resolve = page.getByRole('button', { name: 'Resolve' })
      await keys.tabTo(resolve, 'Resolve', { back: true })

      await keys.press('Enter')
      const reopen = page.getByRole('button', { name: 'Reopen' })
      await reopen.waitFor()
      await keys.expectFocusOn(reopen, 'the Reopen button, after resolving')
      await page.locator('.inbox-status').getByText('Resolved', { exact: true }).waitFor() // the thread's status badge
      await shot(page, 'keyboard-resolved')
    })

    await step('keyboard: a dialog keeps focus inside, closes on Escape and gives focus back to its opener', async () => {
      await page.goto(`${parley}/bots/${botId}/channels`)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      const opener = page.getByRole('button', { name: 'Add channel' })
      await keys.tabTo(opener, 'Add channel')
      await keys.press('Enter')
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      for (let i = 0; i < 12; i++) {
        await keys.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab', 'a stop inside the dialog')
        if (!(await dialog.evaluate((el) => el.contains(document.activeElement)))) {
          throw new Error(`Tab left the open dialog for ${(await keys.focused()).what}`)
        }
      }
      await keys.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      await keys.expectFocusOn(opener, 'Add channel, after its dialog closed on Escape')
    })
  } finally {
    await visitor.context().close()
  }
}

/** The id of the conversation that needs a person whose messages hold `text` (the inbox's search finds it). */
async function waitingConversationWith(page, parley, text) {
  await page.goto(`${parley}/inbox`)
  return eventually(`a conversation that needs a person holds "${text}"`, () => page.evaluate(async (q) => {
    const { accessToken } = JSON.parse(localStorage.getItem('parley.session') ?? '{}')
    const found = await fetch(`/api/v1/conversations?status=waiting&q=${encodeURIComponent(q)}`,
      { headers: { Authorization: `Bearer ${accessToken}` } })
    return found.ok ? (await found.json()).items?.[0]?.id ?? false : false
  }, text), { interval: 500 })
}

/** A visitor of the host page with a browser of their own: a new contact, a new conversation. */
async function newVisitor(site) {
  const browser = site.context().browser()
  if (!browser) throw new Error('the story\'s browser is gone')
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  context.setDefaultTimeout(TIMEOUT)
  const visitor = await context.newPage()
  await visitor.goto(site.url())
  return visitor
}

/** The keyboard, and what it focuses: every key checks that the focused element shows it. */
class Keys {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page
  }

  /** Presses a key (or a chord such as Shift+Tab); whatever has focus afterwards must show it. */
  async press(key, what = `what ${key} focused`) {
    await this.page.keyboard.press(key)
    await this.expectFocusShown(what)
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus; a control it never reaches is unreachable by keyboard. */
  async tabTo(target, what, { back = false, max = 80 } = {}) {
    for (let i = 0; i < max; i++) {
      await this.press(back ? 'Shift+Tab' : 'Tab', `a stop on the way to ${what}`)
      if (await isFocused(target)) return
    }
    throw new Error(`${what} is not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}: `
      + `focus is on ${(await this.focused()).what}`)
  }

  /** Waits (up to 15 s: an action's answer, from a busy server, may move it) until `target` has focus, and checks it shows. */
  async expectFocusOn(target, what) {
    const deadline = Date.now() + 15_000
    while (!(await isFocused(target))) {
      if (Date.now() > deadline) throw new Error(`focus is not on ${what} but on ${(await this.focused()).what}`)
      await this.page.waitForTimeout(100)
    }
    await this.expectFocusShown(what)
  }

  async expectFocusShown(what) {
    const focus = await this.focused()
    if (!focus.shown) throw new Error(`focus on ${focus.what} (${what}) is not visible: ${focus.why}`)
  }

  /** The focused element (inside open shadow roots too), described, and whether it shows its focus on screen. */
  focused() {
    return this.page.evaluate(() => {
      let el = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      if (!el || el === document.body) return { shown: false, what: 'nothing (the page)', why: 'focus was lost' }
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
      const what = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${name}"`
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || box.right <= 0 || box.bottom <= 0
        || box.left >= innerWidth || box.top >= innerHeight) return { shown: false, what, why: 'it is off-screen' }
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
      const ring = style.boxShadow !== 'none'
      return { shown: outline || ring, what, why: 'no outline and no ring' }
    })
  }
}

/** The count of conversations that need a person in front of the tab title ("(2) Inbox · Parley"), or 0. */
function waitingInTitle() {
  return Number(/^\((\d+)\)/.exec(document.title)?.[1] ?? 0)
}

/** Whether `target` (one element) has focus now; false while it is not on the page. */
async function isFocused(target) {
  try {
    return await target.evaluate((el) => el === document.activeElement || el === el.getRootNode().activeElement,
      null, { timeout: 500 })
  } catch {
    return false
  }
}
