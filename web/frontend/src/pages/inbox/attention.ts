import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useInboxCounts } from './conversationData'

const SOUND_KEY = 'parley.inbox.sound'

/** The tab title with the count first, e.g. "(3) Inbox · Parley"; an earlier count is replaced, not stacked. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, '')
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${bare}` : bare
}

export function soundEnabled(): boolean {
  return localStorage.getItem(SOUND_KEY) === 'on'
}

export function setSoundEnabled(on: boolean): void {
  if (on) localStorage.setItem(SOUND_KEY, 'on')
  else localStorage.removeItem(SOUND_KEY)
}

/** A short two-tone chime made with Web Audio (no sound file to ship or load). */
function chime(): void {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!Context) return
  const audio = new Context()
  ;[660, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = frequency
    gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.15)
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.15 + 0.3)
    tone.connect(gain).connect(audio.destination)
    tone.start(audio.currentTime + i * 0.15)
    tone.stop(audio.currentTime + i * 0.15 + 0.3)
  })
}

/**
 * Tells the member when conversations need a person: the count in the tab title, and — when it goes up — a chime
 * (if they turned the sound on) and a browser notification (if they allowed them). Mounted once by the app shell;
 * the count itself refreshes with the live events (inboxKeys.counts sits under the lists).
 */
export function useInboxAttention(): number {
  const { t } = useTranslation('inbox')
  const counts = useInboxCounts()
  const waiting = counts.data?.waiting ?? 0
  const previous = useRef<number | null>(null)
  useEffect(() => {
    document.title = titleWithCount(document.title, waiting)
    const before = previous.current
    previous.current = waiting
    if (before === null || waiting <= before) return
    if (soundEnabled()) chime()
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(t('attention.title', { count: waiting }), { body: t('attention.body'), tag: 'parley-inbox' })
    }
  }, [waiting, t])
  return waiting
}

/** The member's alert choices in the inbox: sound on/off, and asking the browser for notifications. */
export function useAlertSettings() {
  const [sound, setSound] = useState(soundEnabled)
  const [permission, setPermission] = useState(() => typeof Notification === 'undefined' ? 'unsupported' : Notification.permission)
  return {
    sound,
    toggleSound: () => { setSoundEnabled(!sound); setSound(!sound) },
    permission,
    askPermission: async () => {
      if (typeof Notification === 'undefined') return
      setPermission(await Notification.requestPermission())
    },
  }
}
