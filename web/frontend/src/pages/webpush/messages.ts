import { catalog } from '../../i18n/catalog'

/** "Notifications on this device" (Web Push). */
export default catalog({
  device: 'Notifications on this device',
  deviceHint: 'Get a notification here when a conversation needs a person, even with Parley closed.',
  unsupported: 'This browser cannot receive notifications from Parley (on an iPhone or iPad, add Parley to the Home Screen first).',
  denied: 'Notifications are blocked for this site: allow them in the browser\'s site settings, then turn this on.',
  failed: 'Could not change notifications on this device. Try again.',
}, {
  device: '在此裝置上接收通知',
  deviceHint: '有對話需要真人回覆時，即使已關閉 Parley，也會在此裝置上通知您。',
  unsupported: '此瀏覽器無法接收 Parley 的通知（在 iPhone 或 iPad 上，請先將 Parley 加入主畫面）。',
  denied: '此網站的通知已被封鎖：請在瀏覽器的網站設定中允許通知，再開啟此選項。',
  failed: '無法變更此裝置的通知設定，請再試一次。',
})
