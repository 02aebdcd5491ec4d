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
      crisis: {
        title: '{{contactName}} may be in crisis',
        body: 'Moderation flagged a message from {{contactName}} (bot {{botName}}) as a crisis. The bot sent its crisis message and is paused in this conversation: please reach out in the inbox now.',
      },
    },
    alert: {
      llm_daily_cost: {
        title: 'LLM cost today passed {{limit}} USD',
        body: 'Your bots\' LLM calls cost {{cost}} USD today ({{day}}). See the costliest bots and contacts in Analytics, set a daily budget under Billing, or choose a cheaper model.',
      },
      llm_failure_rate: {
        title: 'LLM failures at {{percent}} % in the last {{minutes}} minutes',
        body: '{{failed}} of {{calls}} LLM calls failed, above this alert\'s {{limit}} %; contacts got the fallback message. Check the provider\'s status, your key\'s limits and credit, and the bot\'s timeout.',
      },
      handoff_waiting: {
        title: 'A contact has waited over {{minutes}} minutes for a person',
        body: 'Handed to a person at {{since}} and not answered yet. Open the conversation and answer, or take it over.',
      },
      credentials_rejected: {
        title: '{{provider}} rejected the credentials',
        body: 'Nothing goes out through them until new ones are saved. Open the bot and save a new token or API key.',
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
      crisis: {
        title: '{{contactName}} 可能正處於危機中',
        body: '內容審核將 {{contactName}}（機器人 {{botName}}）的訊息標記為危機。機器人已送出危機訊息，並在此對話中暫停：請立即到收件匣聯繫對方。',
      },
    },
    alert: {
      llm_daily_cost: {
        title: '今日 LLM 費用已超過 {{limit}} USD',
        body: '機器人今日（{{day}}）的 LLM 呼叫費用為 {{cost}} USD。請在「分析」查看花費最多的機器人與聯絡人、在「帳務」設定每日預算，或改用較便宜的模型。',
      },
      llm_failure_rate: {
        title: '最近 {{minutes}} 分鐘 LLM 失敗率達 {{percent}}%',
        body: '{{calls}} 次 LLM 呼叫中有 {{failed}} 次失敗，超過此警示的 {{limit}}%；聯絡人收到的是備用訊息。請檢查供應商狀態、金鑰的速率限制與額度，以及機器人的逾時設定。',
      },
      handoff_waiting: {
        title: '聯絡人等待真人已超過 {{minutes}} 分鐘',
        body: '對話於 {{since}} 轉接真人，至今尚未回覆。請開啟對話回覆，或接手對話。',
      },
      credentials_rejected: {
        title: '{{provider}} 拒絕了憑證',
        body: '在儲存新的憑證之前，無法經由它們送出任何內容。請開啟機器人並儲存新的權杖或 API 金鑰。',
      },
    },
  },
})
