import tokens from '../styles/tokens.css?raw'
import styles from './widget.css?raw'
import type { WidgetStrings } from './strings'

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>'

/**
 * The widget's shadow tree: its styles (the dashboard's tokens re-rooted at :host) and the panel with the bubble.
 * Only the widget's own strings go in here; the tenant's branding is set as text afterwards (branding.ts).
 */
export function widgetMarkup(t: WidgetStrings): string {
  const hostTokens = tokens.match(/:root\s*\{[^}]*\}/)?.[0].replace(':root', ':host') ?? ''
  return `<style>${hostTokens}${styles}</style>
      <div class="root">
        <section class="panel" id="parley-chat" role="dialog" aria-labelledby="parley-chat-title">
          <div class="head">
            <img class="avatar" alt="" width="32" height="32" hidden>
            <h2 id="parley-chat-title">${t.title}</h2>
            <span class="state" role="status"></span>
            <button type="button" class="close" aria-label="${t.close}"><span aria-hidden="true">×</span></button>
          </div>
          <div class="body" tabindex="0">
            <p class="empty">${t.empty}</p>
            <div role="log" aria-label="${t.messages}" aria-live="polite"><ol class="log"></ol></div>
            <p class="line bot draft" aria-hidden="true" hidden></p>
            <div class="typing" role="status"></div>
          </div>
          <p class="alert" role="alert"></p>
          <form class="compose">
            <textarea rows="1" maxlength="4000" aria-label="${t.message}" placeholder="${t.placeholder}"></textarea>
            <button type="submit" class="send">${t.send}</button>
          </form>
        </section>
        <button type="button" class="bubble" aria-label="${t.open}" aria-expanded="false" aria-controls="parley-chat">${ICON}</button>
      </div>`
}
