import { within } from '@testing-library/react'
import { ChatApi } from '../widget/chatApi'
import { ChatWidget } from '../widget/ChatWidget'
import { widgetLanguage, widgetStrings } from '../widget/strings'

/** A web chat widget for tests, on a fresh host element, speaking to the fake API as the widget key wk_shop. */
export function mountWidget(widgets: ChatWidget[], language = 'en') {
  const host = document.createElement('div')
  document.body.append(host)
  const widget = new ChatWidget(host, {
    api: new ChatApi('https://chat.parley.test', 'wk_shop', widgetLanguage(language), async () => {}),
    strings: widgetStrings(language),
    storage: localStorage,
  })
  widgets.push(widget)
  return within(widget.shadow.querySelector('.root') as HTMLElement)
}
