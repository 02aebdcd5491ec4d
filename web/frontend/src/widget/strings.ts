/** The widget's words. It has no i18next (it must stay small); the same keys in English and Traditional Chinese. */
const en = {
  open: 'Chat with us',
  close: 'Close chat',
  title: 'Chat',
  messages: 'Messages',
  empty: 'Hi! Send us a message and we will reply right here.',
  message: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  typing: 'Typing…',
  personWillAnswer: 'A person will answer you here soon.',
  awayUntil: 'We’re away now; a person will answer from {when}.',
  weekdays: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  notSent: 'Not sent.',
  retry: 'Retry',
  sendFailed: 'Your message could not be sent. Check your connection and try again.',
  reconnecting: 'Reconnecting…',
  unread: 'New reply',
  nonText: '(a message this chat cannot show)',
  image: 'Image',
  choices: 'Choices',
  cards: 'Cards',
}

export type WidgetStrings = typeof en

const zhHant: WidgetStrings = {
  open: '與我們聊聊',
  close: '關閉對話',
  title: '線上客服',
  messages: '訊息',
  empty: '嗨！傳訊息給我們，我們會在這裡回覆你。',
  message: '訊息',
  placeholder: '輸入訊息…',
  send: '傳送',
  typing: '正在輸入…',
  personWillAnswer: '專人將盡快在這裡回覆你。',
  awayUntil: '我們目前不在線上，專人將於{when}起回覆你。',
  weekdays: { mon: '週一', tue: '週二', wed: '週三', thu: '週四', fri: '週五', sat: '週六', sun: '週日' },
  notSent: '未送出。',
  retry: '重試',
  sendFailed: '訊息無法送出，請檢查網路連線後再試一次。',
  reconnecting: '重新連線中…',
  unread: '有新回覆',
  nonText: '（此對話無法顯示這則訊息）',
  image: '圖片',
  choices: '選項',
  cards: '卡片',
}

export const widgetCatalog = { en, zhHant }

/** The widget's language for the host page's (its <html lang>, else the browser's): Traditional Chinese or English. */
export function widgetLanguage(language: string): 'zh-Hant' | 'en' {
  return /^zh-(Hant|TW|HK|MO)/i.test(language) ? 'zh-Hant' : 'en'
}

export function widgetStrings(language: string): WidgetStrings {
  return widgetLanguage(language) === 'zh-Hant' ? zhHant : en
}
