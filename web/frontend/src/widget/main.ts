import { ChatApi, loadBranding } from './chatApi'
import { brandedLanguage } from './branding'
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
  const origin = new URL(script.src, location.href).origin
  const branding = loadBranding(origin, widgetKey) // while the page loads
  const start = async () => {
    document.body.append(host)
    let storage: Storage | null = null
    try {
      storage = window.localStorage
    } catch {
      storage = null // blocked third-party storage: the chat works, without surviving a reload
    }
    const brand = await branding
    const language = brandedLanguage(brand, document.documentElement.lang || navigator.language)
    const fullPage = script.dataset.parleyMode === 'page'
    const api = new ChatApi(origin, widgetKey, widgetLanguage(language))
    api.identity = identityOf(script.dataset, fullPage ? new URLSearchParams(location.search) : null)
    new ChatWidget(host, {
      api, strings: widgetStrings(language), storage, fullPage, title: script.dataset.parleyTitle, branding: brand,
    })
    if (fullPage && 'serviceWorker' in navigator) {
      const scope = `/c/${encodeURIComponent(widgetKey)}`
      navigator.serviceWorker.register(`${scope}/sw.js`, { scope }).catch(() => undefined)
    }
  }
  if (document.body) {
    void start()
  } else {
    document.addEventListener('DOMContentLoaded', () => void start(), { once: true })
  }
}

mount()
