import { catalog } from '../../i18n/catalog'

/** "Notifications on this device" (Web Push). */
export default catalog({
  title: 'Your notifications',
  description: 'How Parley tells you that a conversation needs a person, or that something needs your attention. The bell in the menu always shows them.',
  thisDevice: 'This device',
  inTab: 'While Parley is open in a tab',
  email: 'Email',
  emailHint: 'Notifications for your role are also emailed to {{email}} when the server has email set up.',
  device: 'Notifications on this device',
  deviceHint: 'Get a notification here when a conversation needs a person, even with Parley closed.',
  unsupported: 'This browser cannot receive notifications from Parley (on an iPhone or iPad, add Parley to the Home Screen first).',
  denied: 'Notifications are blocked for this site: allow them in the browser\'s site settings, then turn this on.',
  failed: 'Could not change notifications on this device. Try again.',
}, {
  title: '我的通知',
  description: 'Parley 如何告訴您有對話需要真人回覆，或有事項需要您處理。選單中的鈴鐺一律會顯示通知。',
  thisDevice: '此裝置',
  inTab: 'Parley 在分頁中開啟時',
  email: '電子郵件',
  emailHint: '伺服器設定了電子郵件時，您角色可見的通知也會寄到 {{email}}。',
  device: '在此裝置上接收通知',
  deviceHint: '有對話需要真人回覆時，即使已關閉 Parley，也會在此裝置上通知您。',
  unsupported: '此瀏覽器無法接收 Parley 的通知（在 iPhone 或 iPad 上，請先將 Parley 加入主畫面）。',
  denied: '此網站的通知已被封鎖：請在瀏覽器的網站設定中允許通知，再開啟此選項。',
  failed: '無法變更此裝置的通知設定，請再試一次。',
})
