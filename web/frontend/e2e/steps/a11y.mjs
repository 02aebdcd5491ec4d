// axe-core in the browser story (issue 18 part 5): every page state checked here must have 0 critical, 0 serious and
// 0 moderate violations, or the story fails naming them; minor ones are logged, so their count stays visible. A rule
// that is wrong about one element is turned off for that element only, where the element is drawn, with the reason.
// All of axe's rules run (WCAG 2.0-2.2 A/AA and its best practices), as in the issue's audit.
import { AxeBuilder } from '@axe-core/playwright'

const FAILING = new Set(['critical', 'serious', 'moderate'])

/** Every page state checked so far, with its counts, for the story's closing summary. */
export const checked = []

/**
 * Runs axe on the page as it is now (or on the part `include` selects, e.g. the widget on a page of another site,
 * whose own markup is not ours) and fails on a critical, serious or moderate violation. AXE_REPORT_ONLY=1 logs every violation
 * with its elements instead of failing (to list everything at once while fixing).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name the page state, as the log and the failure say it
 * @param {{ include?: string }} [options]
 */
export async function expectAccessible(page, name, { include } = {}) {
  let axe = new AxeBuilder({ page })
  if (include) axe = axe.include(include)
  const { violations } = await axe.analyze()
  const failing = violations.filter((v) => FAILING.has(v.impact))
  const other = violations.filter((v) => !FAILING.has(v.impact))
  checked.push({ name, failing: failing.length, other: other.length })
  console.log(`axe ${name}: ${failing.length} critical/serious/moderate`
    + (other.length ? `; ${other.map((v) => `${v.id} (${v.impact})`).join(', ')}` : ''))
  const verbose = process.env.AXE_REPORT_ONLY === '1'
  if (failing.length === 0 && !verbose) return
  const report = (verbose ? violations : failing).map((v) => `${v.id} (${v.impact}): ${v.help}\n`
    + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n'))
    .join('\n  ')
  if (verbose) {
    console.log(`  ${report}`)
    return
  }
  throw new Error(`axe: ${failing.length} critical, serious or moderate violation(s) on ${name}:\n  ${report}`)
}

/**
 * The main pages of the dashboard, the widget and the hosted page, each in the state the story left it (a bot with
 * flows, channels, conversations, a paid plan), checked with {@link expectAccessible}.
 *
 * @param {{ dashboard: import('playwright-core').Page, site: import('playwright-core').Page,
 *           step: (name: string, run: () => Promise<void>) => Promise<void>, parley: string, botId: string }} story
 */
export async function checkTheMainPagesWithAxe({ dashboard, site, step, parley, botId }) {
  await step('axe: the main dashboard pages have no critical, serious or moderate violations', async () => {
    for (const [path, name] of [['/inbox?view=all', 'inbox'], ['/bots', 'bots'], [`/bots/${botId}`, 'bot settings'],
      [`/bots/${botId}/channels`, 'channels'], [`/bots/${botId}/flows`, 'flows'], [`/bots/${botId}/flows/new`, 'flow editor'],
      [`/bots/${botId}/knowledge`, 'knowledge'], [`/bots/${botId}/memory`, 'memory fields'], ['/contacts', 'contacts'],
      ['/analytics', 'analytics'], ['/billing', 'billing'], ['/broadcasts', 'broadcasts'], ['/segments', 'segments'],
      ['/settings/members', 'members'], ['/settings/api-keys', 'API keys'], ['/settings/audit-log', 'audit log'],
      ['/settings/sign-in', 'sign-in methods'], ['/settings/canned-replies', 'canned replies'],
      ['/settings/alerts', 'alerts'], ['/settings/notifications', 'your notifications']]) {
      await dashboard.goto(`${parley}${path}`)
      await settled(dashboard)
      if (name === 'analytics') {
        // its figures arrive after the heading, without a "Loading…": check the page with its retention heat map drawn
        await dashboard.locator('table.analytics-cohorts tbody tr').first().waitFor()
      }
      await expectAccessible(dashboard, name)
    }
  })

  await step('axe: a conversation with its contact panel, and the flow editor with steps', async () => {
    await dashboard.goto(`${parley}/inbox?view=all`)
    await dashboard.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click()
    await dashboard.getByRole('log', { name: 'Messages' }).getByRole('listitem').first().waitFor()
    await settled(dashboard)
    await expectAccessible(dashboard, 'conversation')
    await dashboard.goto(`${parley}/bots/${botId}/flows`)
    await settled(dashboard)
    const edit = dashboard.getByRole('link', { name: /^Edit / }).first()
    if (await edit.count()) {
      await edit.click()
      await dashboard.getByRole('region', { name: 'Steps', exact: true }).waitFor()
      await settled(dashboard)
      await expectAccessible(dashboard, 'flow editor with a flow')
    }
  })

  await step('axe: the widget, closed and open with a conversation', async () => {
    await site.reload()
    const bubble = site.getByRole('button', { name: 'Chat with us' })
    await bubble.waitFor()
    await expectAccessible(site, 'widget (closed)', { include: '[data-parley-widget-host]' })
    await bubble.click()
    await site.getByRole('log', { name: 'Messages' }).getByRole('listitem').first().waitFor()
    await expectAccessible(site, 'widget (open)', { include: '[data-parley-widget-host]' })
  })
}

/** The page drew its heading and no "Loading…" is left (not 'networkidle': the live event streams stay open). */
export async function settled(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.getByRole('status').filter({ hasText: 'Loading…' }).first().waitFor({ state: 'hidden' })
}
