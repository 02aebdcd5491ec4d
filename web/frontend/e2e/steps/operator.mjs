// The operator console in the browser story (issue 15 part 6): a platform admin — a second user, named by
// PARLEY_PLATFORM_ADMINS (DashboardStoryIT passes it as OPERATOR_EMAIL) — opens Operator, finds the story's workspace,
// grants it a credit (which its owner then sees on the Billing page), suspends and resumes it, and looks at it through
// a read-only token, whose write is refused.
import { settled } from './a11y.mjs'
import { TIMEOUT } from './waits.mjs'

/**
 * @param {{ browser: import('playwright-core').Browser, dashboard: import('playwright-core').Page,
 *           step: (name: string, run: () => Promise<void>) => Promise<void>, parley: string, ownerEmail: string,
 *           shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function runTheWorkspaceAsAnOperator({ browser, dashboard, step, parley, ownerEmail, shot }) {
  const email = process.env.OPERATOR_EMAIL
  if (!email) throw new Error('operator step: set OPERATOR_EMAIL to an email PARLEY_PLATFORM_ADMINS names')
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  context.setDefaultTimeout(TIMEOUT)
  const page = await context.newPage()
  try {
    await step('a platform admin finds the workspace in Operator and grants it a credit', async () => {
      await page.goto(`${parley}/sign-up`)
      await page.getByLabel('Business name').fill('Operator desk')
      await page.getByLabel('Email').fill(email)
      await page.getByLabel('Password').fill('correct horse battery staple')
      await page.getByRole('button', { name: 'Create account' }).click()
      await page.waitForURL(/\/bots$/)
      await page.getByRole('navigation').getByRole('link', { name: 'Operator' }).click()
      await page.waitForURL(/\/operator$/)
      await page.getByLabel('Search workspaces').fill(ownerEmail)
      const row = workspaceRow(page)
      await row.waitFor()
      await row.getByRole('button', { name: 'Credit' }).click()
      const dialog = page.getByRole('dialog', { name: 'Credit of Story Coffee' })
      await dialog.getByLabel('Amount (USD)').fill('25')
      await dialog.getByLabel('Reason').fill('Welcome credit from the story')
      await dialog.getByRole('button', { name: 'Grant credit' }).click()
      await dialog.getByText('$25.00 granted.').waitFor()
      await dialog.getByText('Credit left on its Stripe customer: $25.00').waitFor()
      await shot(page, 'operator-credit')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
    })

    await step('the owner sees the credit on the Billing page', async () => {
      await dashboard.goto(`${parley}/billing`)
      await dashboard.getByText('Credit: $25.00 left for your next invoices').waitFor()
      await dashboard.getByText(/\$25\.00 on .*: Welcome credit from the story/).waitFor()
      await shot(dashboard, 'billing-credit')
    })

    await step('the platform admin suspends the workspace and resumes it', async () => {
      const row = workspaceRow(page)
      await row.getByRole('button', { name: 'Suspend' }).click()
      const dialog = page.getByRole('dialog', { name: 'Suspend Story Coffee' })
      await dialog.getByLabel('Reason').fill('Story check')
      await dialog.getByRole('button', { name: 'Suspend workspace' }).click()
      await row.getByText('Suspended: Story check').waitFor()
      await shot(page, 'operator-suspended')
      await row.getByRole('button', { name: 'Resume' }).click()
      await page.getByText(/^Story Coffee resumed; \d+ waiting messages are being answered/).waitFor()
      await row.getByText('Active', { exact: true }).waitFor()
    })

    await step('a read-only look at the workspace refuses a write', async () => {
      const row = workspaceRow(page)
      await row.getByRole('button', { name: 'Look (read-only)' }).click()
      const dialog = page.getByRole('dialog', { name: 'Look at Story Coffee' })
      await dialog.getByLabel('Reason').fill('Story support ticket')
      await dialog.getByRole('button', { name: 'Create read-only token' }).click()
      const token = (await dialog.getByLabel('Read-only access token', { exact: true }).textContent())?.trim() ?? ''
      if (!token) throw new Error('no read-only token shown')
      const reads = await page.evaluate(async (bearer) =>
        (await fetch('/api/v1/bots', { headers: { Authorization: `Bearer ${bearer}` } })).status, token)
      if (reads !== 200) throw new Error(`the read-only token cannot read the bots: ${reads}`)
      const refused = await page.evaluate(async (bearer) => {
        const answer = await fetch('/api/v1/bots', { method: 'POST', body: JSON.stringify({ name: 'Not allowed' }),
          headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' } })
        return { status: answer.status, detail: (await answer.json()).detail }
      }, token)
      if (refused.status !== 403 || !/read-only/.test(refused.detail ?? '')) {
        throw new Error(`a write with the read-only token was not refused: ${JSON.stringify(refused)}`)
      }
      await shot(page, 'operator-read-only-token')
      await page.keyboard.press('Escape')
      await settled(page)
    })
  } finally {
    await context.close()
  }
}

function workspaceRow(page) {
  return page.getByRole('row').filter({ hasText: 'Story Coffee' })
}
