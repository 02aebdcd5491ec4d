import { catalog } from '../../i18n/catalog'

export default catalog({
  title: 'Get started',
  progress: '{{done}} of {{total}} done',
  hide: 'Hide',
  steps: {
    bot: { title: 'Create a bot', body: 'Give it a name; persona and model come next.', action: 'New bot' },
    channel: { title: 'Connect a channel', body: 'LINE, WhatsApp, Telegram or a web chat on your site.', action: 'Add a channel' },
    testChat: { title: 'Talk to it in the test chat', body: 'Send it a message from its page before your customers do.', action: 'Open the test chat' },
    llmKey: { title: 'Connect an LLM key', body: 'Until then the bot gives the demo LLM’s canned replies.', action: 'Set the LLM' },
    invite: { title: 'Invite a teammate', body: 'Someone to answer when a customer needs a person.', action: 'Invite' },
    billing: { title: 'Choose a plan', body: 'More bots, channels and messages than the free plan.', action: 'See plans' },
  },
  done: 'Done',
}, {
  title: '開始使用',
  progress: '已完成 {{done}} / {{total}}',
  hide: '隱藏',
  steps: {
    bot: { title: '建立機器人', body: '先取個名字，角色與模型稍後設定。', action: '新增機器人' },
    channel: { title: '串接頻道', body: 'LINE、WhatsApp、Telegram 或您網站上的網頁聊天。', action: '新增頻道' },
    testChat: { title: '在測試聊天中與它對話', body: '在客戶之前，先從它的頁面傳訊息試試。', action: '開啟測試聊天' },
    llmKey: { title: '串接 LLM 金鑰', body: '在此之前，機器人只會回覆示範 LLM 的固定內容。', action: '設定 LLM' },
    invite: { title: '邀請同事', body: '客戶需要專人時，有人可以回覆。', action: '邀請' },
    billing: { title: '選擇方案', body: '比免費方案更多的機器人、頻道與訊息。', action: '查看方案' },
  },
  done: '已完成',
})
