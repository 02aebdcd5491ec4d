import type { WidgetStrings } from './strings'

/**
 * A web chat channel's widget branding (docs/web-chat.md "Widget branding"), as the worker's
 * `GET /chat/{widgetKey}/config` gives it and the dashboard's preview sets it. Null or absent: the widget's own.
 */
export interface WidgetBranding {
  /** The header's name (else the page's data-parley-title, else "Chat"). */
  title?: string | null
  /** The accent colour, #rrggbb: launcher, header, the contact's messages, buttons. */
  color?: string | null
  /** An https image beside the header's name. */
  logoUrl?: string | null
  position?: 'right' | 'left'
  /** The text shown before the first message (not the bot's welcome message, which answers the first message). */
  greeting?: string | null
  /** The widget's own words: the visitor's browser (auto), English or Traditional Chinese. */
  language?: 'auto' | 'en' | 'zh-Hant'
}

const COLOR = /^#[0-9a-f]{6}$/i
const DARK_TEXT = '#0f172a' // the tokens' --color-text
const WHITE = '#ffffff'

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  const channel = (at: number) => {
    const value = parseInt(color.slice(at, at + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/** The text colour on the accent: white or dark, whichever contrasts more (a yellow accent gets dark text). */
export function textOn(color: string): string {
  return contrast(color, WHITE) >= contrast(color, DARK_TEXT) ? WHITE : DARK_TEXT
}

/**
 * The custom properties the widget's CSS reads for the accent: the colour, the text on it, its hover, its soft
 * tint, and the accent as text on white (the accent itself when it is readable there, else dark text).
 */
export function accentProperties(color: string): Record<string, string> {
  const on = textOn(color)
  return {
    '--color-primary': color,
    '--color-on-primary': on,
    '--color-primary-hover': `color-mix(in srgb, ${color} 85%, ${on === WHITE ? '#000000' : WHITE})`,
    '--color-primary-soft': `color-mix(in srgb, ${color} 12%, ${WHITE})`,
    '--parley-accent-ink': contrast(color, WHITE) >= 4.5 ? color : DARK_TEXT,
  }
}

/** The widget's language: the channel's choice, or the page's (its <html lang>, else the browser's) when auto. */
export function brandedLanguage(branding: WidgetBranding, pageLanguage: string): string {
  return branding.language && branding.language !== 'auto' ? branding.language : pageLanguage
}

/**
 * Applies the branding to a widget's shadow tree: accent properties on its root, left or right, the header's name
 * and avatar, the greeting. Tenant text goes in as text, never HTML; a colour or image that is not what the API
 * accepts is ignored.
 */
export function applyBranding(shadow: ShadowRoot, branding: WidgetBranding, strings: WidgetStrings,
                              pageTitle?: string): void {
  const root = shadow.querySelector('.root') as HTMLElement
  if (branding.color && COLOR.test(branding.color)) {
    for (const [name, value] of Object.entries(accentProperties(branding.color))) root.style.setProperty(name, value)
  }
  root.classList.toggle('left', branding.position === 'left')
  shadow.getElementById('parley-chat-title')!.textContent = branding.title || pageTitle || strings.title
  const avatar = shadow.querySelector('.avatar') as HTMLImageElement
  if (branding.logoUrl?.startsWith('https://')) {
    avatar.src = branding.logoUrl
    avatar.hidden = false
  }
  ;(shadow.querySelector('.empty') as HTMLElement).textContent = branding.greeting || strings.empty
}
