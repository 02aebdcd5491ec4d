import { ChatApi } from './chatApi'
import { identityOf } from './identity'
import { ChatWidget } from './ChatWidget'
import { widgetLanguage, widgetStrings } from './strings'

/**
 * The web chat widget's entry (built to /widget.js by vite.widget.config.ts). The embed snippet
 * `<script src="…/widget.js" data-parley-widget="KEY" async>` runs it on the tenant's site; it talks to the
 * origin it was loaded from. A snippet pasted twice still makes one bubble.
 */
function mount(): void {
  const script = (document.currentScript as HTMLScriptElement | null)
    ?? document.querySelector<HTMLScriptElement>('script[data-parley-widget]')
  const widgetKey = script?.dataset.parleyWidget
  if (!script || !widgetKey || document.querySelector(`[data-parley-widget-host="${CSS.escape(widgetKey)}"]`)) {
    return
  }
  const host = document.createElement('div')
  host.dataset.parleyWidgetHost = widgetKey
  const start = () => {
    document.body.append(host)
    let storage: Storage | null = null
    try {
      storage = window.localStorage
    } catch {
      storage = null // blocked third-party storage: the chat works, without surviving a reload
    }
    const language = document.documentElement.lang || navigator.language
    const fullPage = script.dataset.parleyMode === 'page'
    const api = new ChatApi(new URL(script.src, location.href).origin, widgetKey, widgetLanguage(language))
    api.identity = identityOf(script.dataset, fullPage ? new URLSearchParams(location.search) : null)
    new ChatWidget(host, { api, strings: widgetStrings(language), storage, fullPage, title: script.dataset.parleyTitle })
    if (fullPage && 'serviceWorker' in navigator) {
      const scope = `/c/${encodeURIComponent(widgetKey)}`
      navigator.serviceWorker.register(`${scope}/sw.js`, { scope }).catch(() => undefined)
    }
  }
  if (document.body) {
    start()
  } else {
    document.addEventListener('DOMContentLoaded', start, { once: true })
  }
}

mount()
