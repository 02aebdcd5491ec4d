import common from './common'
import auth from '../pages/auth/messages'
import settings from '../pages/settings/messages'
import bots from '../pages/bots/messages'
import channels from '../pages/channels/messages'
import flows from '../pages/flows/messages'

/**
 * Every feature keeps its own strings (English and Traditional Chinese side by side) in a `messages.ts` next to its
 * pages, registered here as an i18next namespace. catalogs.test.ts checks that both languages have the same keys.
 */
export const catalogs = {
  common,
  auth,
  settings,
  bots,
  channels,
  flows,
}
