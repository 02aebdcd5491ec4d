import common from './common'
import auth from '../pages/auth/messages'
import contacts from '../pages/contacts/messages'
import inbox from '../pages/inbox/messages'
import settings from '../pages/settings/messages'
import setup from '../pages/setup/messages'
import bots from '../pages/bots/messages'
import channels from '../pages/channels/messages'
import flows from '../pages/flows/messages'
import billing from '../pages/billing/messages'
import notifications from '../pages/notifications/messages'
import premium from '../pages/premium/messages'
import analytics from '../pages/analytics/messages'
import segments from '../pages/segments/messages'
import broadcasts from '../pages/broadcasts/messages'
import accesscodes from '../pages/accesscodes/messages'
import triggers from '../pages/triggers/messages'
import templates from '../pages/templates/messages'
import memory from '../pages/memory/messages'
import rich from '../pages/flows/rich/messages'
import audit from '../pages/audit/messages'
import onboarding from '../pages/onboarding/messages'
import setuppage from '../pages/setuppage/messages'
import alerts from '../pages/alerts/messages'
import moderation from '../pages/moderation/messages'
import usage from '../pages/usage/messages'
import knowledge from '../pages/knowledge/messages'
import operator from '../pages/operator/messages'
import webpush from '../pages/webpush/messages'

/**
 * Every feature keeps its own strings (English and Traditional Chinese side by side) in a `messages.ts` next to its
 * pages, registered here as an i18next namespace. catalogs.test.ts checks that both languages have the same keys.
 */
export const catalogs = {
  common,
  auth,
  contacts,
  inbox,
  settings,
  setup,
  bots,
  channels,
  flows,
  billing,
  notifications,
  premium,
  analytics,
  segments,
  broadcasts,
  accesscodes,
  triggers,
  templates,
  memory,
  rich,
  audit,
  onboarding,
  setuppage,
  alerts,
  moderation,
  usage,
  knowledge,
  operator,
  webpush,
}
