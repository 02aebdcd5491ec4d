// Signing in through OpenID Connect (issue 15) in the browser story: a person who never had a Parley account presses
// "Sign in with Fake SSO" on the sign-in page; the provider (the test's FakeIdentityProvider, which approves at once)
// sends them back, and they land in a workspace of their own, with the provider linked as their only way in. In a
// browser context of its own, so the story's owner stays signed in next door.
import { expectAccessible, settled } from './a11y.mjs'
import { eventually, TIMEOUT } from './waits.mjs'

/**
 * @param {{ browser: import('playwright-core').Browser, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function signInWithTheIdentityProvider({ browser, step, parley, shot }) {
  const provider = required('SSO_NAME') // the provider's display name, as configured
  const email = required('SSO_EMAIL') // the person the provider signs in
  const name = required('SSO_USER_NAME')
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  context.setDefaultTimeout(TIMEOUT)
  const page = await context.newPage()
  try {
    await step(`sign in with ${provider} (OpenID Connect): a new account with a workspace of its own`, async () => {
      await page.goto(`${parley}/sign-in`)
      const button = page.getByRole('link', { name: `Sign in with ${provider}` })
      await button.waitFor()
      await expectAccessible(page, 'sign-in page')
      await shot(page, 'sign-in-with-sso')
      await button.click() // Parley → the provider's /authorize → Parley's callback → /auth/callback#code=…
      await page.waitForURL((url) => url.href.startsWith(parley) && !url.pathname.startsWith('/auth/')
        && url.pathname !== '/sign-in', { timeout: 20_000 })
      await settled(page)
      if (new URL(page.url()).hash) throw new Error(`the one-time code stayed in the address bar: ${page.url()}`)
      await page.getByText(email, { exact: true }).waitFor() // the account menu says who is signed in
      const workspace = page.getByLabel('Workspace').locator('option:checked')
      await eventually(`the new workspace is named after ${name}`, async () => (await workspace.textContent()) === name)
      await shot(page, 'signed-in-with-sso')
    })

    await step('the sign-in methods page shows the provider linked, and no password', async () => {
      await page.goto(`${parley}/settings/sign-in`)
      await settled(page)
      const linked = page.getByRole('region', { name: 'Linked accounts' })
      await linked.getByRole('listitem').filter({ hasText: provider }).filter({ hasText: email }).waitFor()
      await page.getByText('No password: you sign in through a linked provider.').waitFor()
      await expectAccessible(page, 'sign-in methods (provider account)')
      await shot(page, 'sign-in-methods-sso')
    })
  } finally {
    await context.close()
  }
}

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`set ${name} (DashboardStoryIT does, for its fake identity provider)`)
  return value
}
