import { catalog } from '../../i18n/catalog'

export default catalog({
  title: 'Get started',
  progress: '{{done}} of {{total}} done',
  hide: 'Hide',
  steps: {
    bot: { title: 'Create a bot', body: 'Give it a name; persona and model come next.', action: 'New bot' },
    channel: { title: 'Connect a channel', body: 'LINE, WhatsApp, Telegram or a web chat on your site.', action: 'Add a channel' },
    testChat: { title: 'Talk to it in the test chat', body: 'Send it a message from its page before your customers do.', action: 'Open the test chat' },
    invite: { title: 'Invite a teammate', body: 'Someone to answer when a customer needs a person.', action: 'Invite' },
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
    invite: { title: '邀請同事', body: '客戶需要專人時，有人可以回覆。', action: '邀請' },
  },
  done: '已完成',
})
