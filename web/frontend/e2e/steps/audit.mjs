// The audit log page (issue 18) in the browser story: what the story's owner did earlier reads as sentences (no
// action codes), the area filter narrows it, and the CSV download holds the same sentences.
import { readFile } from 'node:fs/promises'
import { expectAccessible, settled } from './a11y.mjs'

/**
 * @param {{ page: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function readTheAuditLog({ page, step, parley, shot }) {
  await step('the audit log tells what the team did in sentences, filters by area and downloads as CSV', async () => {
    await page.goto(`${parley}/settings/audit-log`)
    await settled(page)
    const entries = page.getByRole('list', { name: 'Audit log' }).getByRole('listitem')
    const rotated = entries.filter({ hasText: / rotated the identity secret of a channel/ })
    await rotated.first().waitFor()
    await entries.filter({ hasText: / changed the summary of a conversation/ }).first().waitFor()
    await entries.filter({ hasText: / took over a conversation/ }).first().waitFor()
    const codes = await entries.filter({ hasText: /: [a-z_]+(\.[a-z_]+)+/ }).allTextContents()
    if (codes.length) throw new Error(`audit entries show codes instead of sentences: ${codes.slice(0, 3).join(' | ')}`)
    await expectAccessible(page, 'audit log')
    await shot(page, 'audit-log')

    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Channels' })
    await page.waitForURL(/area=channel/)
    await entries.filter({ hasText: / took over a conversation/ }).first().waitFor({ state: 'detached' })
    await rotated.first().waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click()])
    const csv = await readFile(await download.path(), 'utf8')
    if (!csv.startsWith('\uFEFF"When","Who","What","Action"')) throw new Error(`the CSV has no header: ${csv.slice(0, 80)}`)
    if (!/rotated the identity secret of a channel","channel.identity_secret_rotated"/.test(csv)) {
      throw new Error('the CSV does not hold the filtered entries as sentences')
    }
    if (csv.includes('conversation.taken_over')) throw new Error('the CSV ignores the area filter')
  })
}
