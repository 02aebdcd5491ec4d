// The `axe` branch's part of the browser story (issues 13, 14, 15, 18): OIDC sign-in, long memory in the inbox, the
// web chat's settings and hosted page with a signed identity, a carousel in the test chat and the audit log, each
// page state they reach checked with axe-core on the way; then every main page of the dashboard, the widget and the
// hosted page checked with axe (0 critical, 0 serious, 0 moderate), and a summary of what was checked.
import { checked, checkTheMainPagesWithAxe } from './a11y.mjs'
import { readTheAuditLog } from './audit.mjs'
import { buildACarouselAndPressACard } from './carousel.mjs'
import { chatOnTheHostedPageAsASignedInMember, MEMBER, setUpAWebChatForSignedInMembers } from './hosted.mjs'
import { keepALongMemory, readAndCorrectTheSummaryInTheInbox } from './memory.mjs'
import { signInWithTheIdentityProvider } from './oidc.mjs'

/**
 * @param {{ browser: import('playwright-core').Browser, dashboard: import('playwright-core').Page,
 *           site: import('playwright-core').Page, step: (name: string, run: () => Promise<void>) => Promise<void>,
 *           parley: string, botId: string, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} story
 */
export async function coverTheNewerPagesAndCheckAccessibility(story) {
  const page = story.dashboard
  await signInWithTheIdentityProvider(story)
  await keepALongMemory(story)
  const hosted = await setUpAWebChatForSignedInMembers(story)
  // past the history window of 2: the summary job has something to fold
  await chatOnTheHostedPageAsASignedInMember(story, { ...hosted,
    messages: [`Hi, I am ${MEMBER.name}`, 'Do you have oat milk?', 'When do you open on Sundays?'] })
  await readAndCorrectTheSummaryInTheInbox(story, MEMBER.name)
  await buildACarouselAndPressACard({ ...story, page })
  await readTheAuditLog({ ...story, page })
  await checkTheMainPagesWithAxe(story)
  const other = checked.reduce((sum, c) => sum + c.other, 0)
  console.log(`axe: ${checked.length} page states checked, 0 critical, serious or moderate violations; ${other} minor`)
}
