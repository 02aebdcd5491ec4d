import { catalog } from '../../i18n/catalog'

export default catalog({
  tagline: 'Your personal chat companion',
  title: 'Create your chat companion',
  greeting: 'Hi {{name}}! Tell us who you would like to talk to.',
  greetingAnonymous: 'Hi! Tell us who you would like to talk to.',
  nickname: 'What should your companion call you?',
  nicknameHint: 'A name or nickname, e.g. Mei.',
  persona: 'Describe the character you want',
  personaHint: 'Personality, how they talk, what they love. E.g. “A cheerful barista who teases me a little and answers in short sentences.”',
  more: 'More about you',
  validUntil: 'This link works until {{date}}.',
  memory: { title: 'What your companion remembers about you', yes: 'yes', no: 'no' },
  submit: 'Save my companion',
  saved: {
    title: 'All set!',
    body: 'Your companion will message you in the chat app where you got this link (such as LINE) in a moment.',
    bodyNoMessage: 'Your companion is ready. Go back to the chat app where you got this link (such as LINE) and say hi.',
    close: 'You can close this page now.',
    editAgain: 'Make changes',
  },
  invalid: {
    title: 'This link no longer works',
    body: 'Setup links work for a limited time. Send a message to the bot in your chat app and ask for a new link.',
  },
  blocked: {
    title: 'This setup page is not available',
    body: 'Please contact the business that sent you this link.',
  },
}, {
  tagline: '專屬於你的聊天夥伴',
  title: '打造你的聊天夥伴',
  greeting: '嗨，{{name}}！告訴我們你想和什麼樣的角色聊天。',
  greetingAnonymous: '嗨！告訴我們你想和什麼樣的角色聊天。',
  nickname: '你希望夥伴怎麼稱呼你？',
  nicknameHint: '名字或暱稱，例如：小美。',
  persona: '描述你想要的角色',
  personaHint: '個性、說話方式、喜歡的事物。例如：「一位開朗的咖啡師，偶爾會開我玩笑，回話簡短。」',
  more: '關於你的其他資料',
  validUntil: '此連結的有效期限至 {{date}}。',
  memory: { title: '你的夥伴記得的關於你的事', yes: '是', no: '否' },
  submit: '儲存我的夥伴',
  saved: {
    title: '設定完成！',
    body: '你的夥伴稍後會在你收到這個連結的聊天 App（例如 LINE）傳訊息給你。',
    bodyNoMessage: '你的夥伴已準備好了。回到你收到這個連結的聊天 App（例如 LINE）跟它打聲招呼吧。',
    close: '現在可以關閉這個頁面了。',
    editAgain: '修改設定',
  },
  invalid: {
    title: '這個連結已無法使用',
    body: '設定連結有使用期限。請在聊天 App 中傳訊息給機器人，索取新的連結。',
  },
  blocked: {
    title: '無法使用這個設定頁面',
    body: '請與傳送此連結給你的商家聯絡。',
  },
})
