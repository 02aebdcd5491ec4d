// The web chat's settings and its hosted page (issue 15) in the browser story: a second web chat channel for a members
// area is branded, gets an identity secret and lets only signed-in users chat; its hosted page (/c/KEY) refuses a
// visitor without an identity and talks with a member whose identity the "site" signed with that secret, as the
// business's server would (docs/web-chat.md).
import { createHmac } from 'node:crypto'
import { expectAccessible } from './a11y.mjs'
import { TIMEOUT } from './waits.mjs'

export const MEMBER = { id: 'member-42', name: 'Mei Chen' }

/**
 * @param {{ dashboard: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 * @returns {Promise<{ hostedPageUrl: string, secret: string }>} the hosted page and the identity secret
 */
export async function setUpAWebChatForSignedInMembers({ dashboard, step, parley, botId, shot }) {
  let hostedPageUrl = ''
  let secret = ''
  await step('a web chat for signed-in members: branding, an identity secret, only signed-in users', async () => {
    await dashboard.goto(`${parley}/bots/${botId}/channels`)
    await dashboard.getByRole('button', { name: 'Add channel' }).click()
    const dialog = dashboard.getByRole('dialog')
    await dialog.getByLabel('Type').selectOption({ label: 'Web chat' })
    await dialog.getByLabel('Name', { exact: true }).fill('Members area')
    await dialog.getByRole('button', { name: 'Add channel' }).click()
    const card = dashboard.getByRole('article', { name: 'Members area' })
    const settings = card.getByRole('form', { name: 'Web chat settings of Members area' })
    await settings.getByRole('button', { name: 'Generate secret' }).click()
    secret = (await card.getByLabel('New identity secret', { exact: true }).textContent())?.trim() ?? ''
    if (secret.length < 32) throw new Error(`the identity secret shown once looks wrong: "${secret}"`)
    await settings.getByLabel(/^Name in the header/).fill('Story Coffee members')
    await settings.getByLabel('Accent colour (#rrggbb)', { exact: true }).fill('#0f766e')
    await settings.getByLabel('Greeting', { exact: true }).fill('Members: ask us anything.')
    // the live preview is the real widget: it follows the fields before saving, and is checked with the form
    const preview = settings.getByTestId('widget-preview')
    await preview.getByText('Members: ask us anything.').waitFor()
    await preview.getByText('Story Coffee members', { exact: true }).waitFor()
    await expectAccessible(dashboard, 'web chat settings with the widget preview')
    await settings.getByLabel('Only signed-in users may chat').check()
    await settings.getByRole('button', { name: 'Save web chat settings' }).click()
    await settings.getByText('Saved.', { exact: true }).waitFor()
    hostedPageUrl = (await card.getByLabel('Hosted chat page', { exact: true }).textContent())?.trim() ?? ''
    if (!hostedPageUrl.startsWith(`${parley}/c/`)) throw new Error(`the hosted page is not on Parley: ${hostedPageUrl}`)
    await card.getByRole('button', { name: 'Rotate secret' }).waitFor() // the card knows a secret is set now
    await card.scrollIntoViewIfNeeded()
    await shot(dashboard, 'web-chat-settings')
  })
  return { hostedPageUrl, secret }
}

/**
 * @param {{ dashboard: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 * @param {{ hostedPageUrl: string, secret: string, messages: string[] }} chat what the member says, one turn each
 */
export async function chatOnTheHostedPageAsASignedInMember({ dashboard, step, shot }, { hostedPageUrl, secret, messages }) {
  // the member's own browser: not the dashboard's, whose origin (Parley's) the hosted page shares
  const browser = dashboard.context().browser()
  if (!browser) throw new Error('the story\'s browser is gone')
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  context.setDefaultTimeout(TIMEOUT)
  const page = await context.newPage()
  try {
    await step('the hosted page refuses a visitor without an identity', async () => {
      await page.goto(hostedPageUrl)
      await page.getByRole('heading', { name: 'Story Coffee members', level: 1 }).waitFor()
      await page.getByRole('textbox', { name: 'Message' }).fill('Hello, anyone?')
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'Not sent.' }).waitFor()
      await shot(page, 'hosted-page-refused')
    })

    await step('a member signed in on the business\'s site chats on the hosted page', async () => {
      const key = new URL(hostedPageUrl).pathname.split('/')[2]
      await page.evaluate((k) => localStorage.removeItem(`parley.widget.${k}`), key) // the refused line was not theirs
      await page.goto(`${hostedPageUrl}?token=${encodeURIComponent(signedToken(secret))}`)
      const lines = page.getByRole('log', { name: 'Messages' }).getByRole('listitem')
      for (const text of messages) {
        await page.getByRole('textbox', { name: 'Message' }).fill(text)
        await page.getByRole('button', { name: 'Send' }).click()
        await lines.filter({ hasText: text }).filter({ hasText: 'Demo reply' }).waitFor({ timeout: 30_000 })
      }
      if (await lines.filter({ hasText: 'Not sent.' }).count()) throw new Error('a signed-in member\'s message was refused')
      await expectAccessible(page, 'hosted page')
      await shot(page, 'hosted-page-member')
    })
  } finally {
    await context.close()
  }
}

/**
 * The member's identity as the business's server signs it: a JWT (HS256) with the channel's identity secret. Written
 * with node:crypto (one HMAC) rather than a JWT library, which the dashboard has no other use for.
 */
function signedToken(secret) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: MEMBER.id, name: MEMBER.name, exp: now + 600 })}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}
