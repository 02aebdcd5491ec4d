import { useTranslation } from 'react-i18next'
import { fill } from './templateData'
import type { Draft } from './templateDraft'

/** How the template will look in WhatsApp, with the sample values in place of its variables. */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const { t } = useTranslation('templates')
  const media = { IMAGE: t('editor.headerImage'), VIDEO: t('editor.headerVideo'), DOCUMENT: t('editor.headerDocument') }
  return (
    <figure className="template-preview" aria-label={t('editor.preview')}>
      <figcaption className="p-muted">{t('editor.preview')}</figcaption>
      <div className="template-preview__bubble" data-testid="template-preview">
        {draft.headerFormat === 'TEXT' && <strong>{fill(draft.headerText, [draft.headerSample])}</strong>}
        {draft.headerFormat && draft.headerFormat !== 'TEXT' && <div className="template-preview__media">[{media[draft.headerFormat]}]</div>}
        <p>{fill(draft.body, draft.bodySamples)}</p>
        {draft.footer.trim() && <small className="p-muted">{draft.footer}</small>}
        {draft.buttons.length > 0 && (
          <ul className="template-preview__buttons">
            {draft.buttons.map((button, i) => <li key={i}>{button.text || '…'}</li>)}
          </ul>
        )}
      </div>
    </figure>
  )
}
