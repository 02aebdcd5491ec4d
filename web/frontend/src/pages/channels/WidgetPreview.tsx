import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { brandedLanguage, type WidgetBranding } from '../../widget/branding'
import { ChatApi } from '../../widget/chatApi'
import { ChatWidget } from '../../widget/ChatWidget'
import { widgetLanguage, widgetStrings } from '../../widget/strings'

/**
 * The web chat widget as visitors will see it with the form's branding, before saving: the real widget (its code
 * and styles, in preview mode: open, a sample exchange, no connection), rebuilt on every change. "Auto" language
 * shows the dashboard's own, standing in for the visitor's browser. Inert: it shows, it does not take focus.
 */
export function WidgetPreview({ branding }: { branding: WidgetBranding }) {
  const { t, i18n } = useTranslation('channels')
  const frame = useRef<HTMLDivElement>(null)
  const language = widgetLanguage(brandedLanguage(branding, i18n.language))
  const question = t('webSettings.preview.question', { lng: language })
  const answer = t('webSettings.preview.answer', { lng: language })
  const key = JSON.stringify(branding)
  useEffect(() => {
    const host = document.createElement('div')
    // built before it is attached: inside the settings <form>, the HTML parser would drop the widget's own <form>
    const widget = new ChatWidget(host, {
      api: new ChatApi(location.origin, 'preview', language), strings: widgetStrings(language), storage: null,
      branding: JSON.parse(key) as WidgetBranding,
      preview: [
        { id: 'preview-1', from: 'contact', text: question, at: '', status: 'sent' },
        { id: 'preview-2', from: 'bot', text: answer, at: '' },
      ],
    })
    frame.current?.append(host)
    return () => {
      widget.destroy()
      host.remove()
    }
  }, [key, language, question, answer])
  return (
    <figure className="p-widget-preview">
      <figcaption className="p-field__label">{t('webSettings.preview.title')}</figcaption>
      <div ref={frame} className="p-widget-preview__frame" inert data-testid="widget-preview" />
    </figure>
  )
}
