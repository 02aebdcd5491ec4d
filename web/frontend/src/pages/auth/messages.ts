import { catalog } from '../../i18n/catalog'

export default catalog({
  signIn: {
    title: 'Sign in to Parley',
    submit: 'Sign in',
    noAccount: 'New to Parley?',
    toSignUp: 'Create an account',
  },
  signUp: {
    title: 'Create your Parley workspace',
    subtitle: 'Run LLM chatbots on LINE, WhatsApp, Telegram and your website.',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    toSignIn: 'Sign in',
    tenantName: 'Business name',
    tenantNameHint: 'Your workspace; you can invite teammates to it later.',
    passwordHint: '10 to 72 characters.',
  },
  email: 'Email',
  password: 'Password',
  tagline: 'Chatbots your customers love, on every channel.',
  apiDocs: 'API documentation',
  invitation: {
    title: 'Join a Parley workspace',
    signInFirst: 'Sign in with the email address the invitation was sent to, then accept it here.',
    as: 'You are signed in as {{email}}. The invitation must be for this address.',
    accept: 'Accept invitation',
    notNow: 'Not now',
  },
}, {
  signIn: {
    title: '登入 Parley',
    submit: '登入',
    noAccount: '第一次使用 Parley？',
    toSignUp: '建立帳號',
  },
  signUp: {
    title: '建立您的 Parley 工作區',
    subtitle: '在 LINE、WhatsApp、Telegram 與您的網站上運行 LLM 聊天機器人。',
    submit: '建立帳號',
    haveAccount: '已經有帳號？',
    toSignIn: '登入',
    tenantName: '商家名稱',
    tenantNameHint: '您的工作區；之後可以邀請同事加入。',
    passwordHint: '10 至 72 個字元。',
  },
  email: '電子郵件',
  password: '密碼',
  tagline: '讓顧客喜愛的聊天機器人，遍及每個頻道。',
  apiDocs: 'API 文件',
  invitation: {
    title: '加入 Parley 工作區',
    signInFirst: '請使用收到邀請的電子郵件登入，再回到此處接受邀請。',
    as: '您目前以 {{email}} 登入。邀請必須是寄給這個地址的。',
    accept: '接受邀請',
    notNow: '稍後再說',
  },
})
