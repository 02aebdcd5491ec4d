import { catalog } from '../../i18n/catalog'

/**
 * The bell's strings, and the translation of each notification kind (`kinds.<kind>` with the notification's
 * params). A kind without a translation shows the English title and body the API sends.
 */
export default catalog({
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  title: 'Notifications',
  empty: 'Nothing new. Budget alerts, quota and hand-offs appear here.',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  open: 'Open',
  unread: 'Unread',
  kinds: {
    billing: {
      budget: {
        threshold: { title: 'LLM budget: {{percent}} % used', body: '{{spent}} of {{limit}} used this period (UTC).' },
        capped: {
          title: 'LLM budget reached: LLM calls stopped',
          body: '{{spent}} of {{limit}} used this period (UTC). Raise the budget to answer with the LLM again.',
        },
      },
      quota: {
        exhausted: {
          title: 'Plan quota used up',
          body: 'Your plan\'s quota for {{period}} is used up; contacts get your bots\' quota message. Upgrade to answer them again.',
        },
      },
    },
    conversation: {
      handoff: {
        title: '{{contactName}} asks for a person',
        body: 'The bot {{botName}} is paused in this conversation: answer in the inbox.',
      },
    },
  },
}, {
  bell: '通知',
  bellUnread: '通知，{{count}} 則未讀',
  title: '通知',
  empty: '目前沒有新通知。預算警示、方案額度與轉接真人會顯示在這裡。',
  markAllRead: '全部標為已讀',
  markRead: '標為已讀',
  open: '前往',
  unread: '未讀',
  kinds: {
    billing: {
      budget: {
        threshold: { title: 'LLM 預算已使用 {{percent}}%', body: '本期（UTC）已使用 {{spent}}，上限 {{limit}}。' },
        capped: {
          title: 'LLM 預算已用盡：已停止呼叫 LLM',
          body: '本期（UTC）已使用 {{spent}}，上限 {{limit}}。提高預算即可恢復以 LLM 回覆。',
        },
      },
      quota: {
        exhausted: {
          title: '方案額度已用盡',
          body: '您的方案 {{period}} 的額度已用盡，聯絡人會收到機器人的額度用盡訊息。升級方案即可繼續回覆。',
        },
      },
    },
    conversation: {
      handoff: {
        title: '{{contactName}} 想與真人對話',
        body: '機器人 {{botName}} 已在此對話中暫停，請到收件匣回覆。',
      },
    },
  },
})
