import { afterEach, beforeEach } from 'vitest'
import { within } from '@testing-library/react'
import { ChatApi } from '../widget/chatApi'
import { ChatWidget, type WidgetOptions } from '../widget/ChatWidget'
import { widgetLanguage, widgetStrings } from '../widget/strings'
import { fakeEventSource } from './fakeEventSource'

/**
 * Web chat widgets for the tests of a describe block: each test starts with empty storage and a fake event source,
 * and its widgets are destroyed after it. Returns the mount: a widget on a fresh host element, speaking to the fake
 * API as the widget key wk_shop, in the given page language (and with further options, e.g. branding).
 */
export function widgetsPerTest() {
  let widgets: ChatWidget[] = []
  beforeEach(() => {
    localStorage.clear()
    fakeEventSource()
  })
  afterEach(() => {
    widgets.forEach((w) => w.destroy())
    widgets = []
    document.body.innerHTML = ''
  })
  return (language = 'en', options: Partial<WidgetOptions> = {}) => {
    const host = document.createElement('div')
    document.body.append(host)
    const widget = new ChatWidget(host, {
      api: new ChatApi('https://chat.parley.test', 'wk_shop', widgetLanguage(language), async () => {}),
      strings: widgetStrings(language),
      storage: localStorage,
      ...options,
    })
    widgets.push(widget)
    return within(widget.shadow.querySelector('.root') as HTMLElement)
  }
}
