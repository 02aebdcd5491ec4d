import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Button, Card, Notice, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { TemplatePreview } from './TemplatePreview'
import { type Channel, useCreateTemplate, variableCount } from './templateData'
import { type ButtonDraft, type ButtonType, check, type Draft, EMPTY_DRAFT, type HeaderFormat, toRequest } from './templateDraft'

const HEADERS: HeaderFormat[] = ['', 'TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT']
const HEADER_LABELS = { '': 'headerNone', TEXT: 'headerText', IMAGE: 'headerImage', VIDEO: 'headerVideo', DOCUMENT: 'headerDocument' } as const

/** A new template: fields, a live preview, and every validation message next to its field (the browser's and the API's). */
export function TemplateEditor({ botId, channels, onDone }: { botId: string; channels: Channel[]; onDone: () => void }) {
  const { t } = useTranslation('templates')
  const create = useCreateTemplate(botId)
  const [draft, setDraft] = useState<Draft>({ ...EMPTY_DRAFT, channelId: channels.length > 1 ? channels[0].id : '' })
  const [tried, setTried] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const local = tried ? check(draft) : {}
  const message = (key: string) => {
    if (serverErrors[key]) return serverErrors[key]
    const code = local[key]
    if (!code) return undefined
    const [name, max] = code.split(':')
    return t(`editor.${name}`, { max })
  }
  const set = (change: Partial<Draft>) => { setDraft((d) => ({ ...d, ...change })); setServerErrors({}) }
  const setButton = (i: number, change: Partial<ButtonDraft>) =>
    set({ buttons: draft.buttons.map((b, j) => (j === i ? { ...b, ...change } : b)) })
  const addButton = (type: ButtonType) => set({ buttons: [...draft.buttons, { type, text: '', url: '', phone: '', sample: '' }] })
  const samples = variableCount(draft.body)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (Object.keys(check(draft)).length) return
    const { request, fieldOf } = toRequest(draft)
    create.mutate(request, {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof ApiProblem) {
          setServerErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([path, text]) => [fieldOf[path] ?? path, text])))
        }
      },
    })
  }
  const unplaced = create.error instanceof ApiProblem && Object.keys(create.error.fieldErrors).length > 0

  return (
    <Card title={t('editor.title')}>
      <form className="template-editor" onSubmit={submit} noValidate>
        <div className="p-stack">
          {channels.length > 1 && (
            <SelectField label={t('editor.channel')} value={draft.channelId} onChange={(e) => set({ channelId: e.target.value })}>
              {channels.map((channel) => <option key={channel.id} value={channel.id}>{channel.name ?? channel.externalId ?? channel.id}</option>)}
            </SelectField>
          )}
          <TextField label={t('name')} hint={t('editor.nameHint')} value={draft.name} error={message('name')}
                     onChange={(e) => set({ name: e.target.value })} />
          <div className="p-row">
            <TextField label={t('language')} value={draft.language} error={message('language')} onChange={(e) => set({ language: e.target.value })} />
            <SelectField label={t('category')} value={draft.category} error={message('category')}
                         onChange={(e) => set({ category: e.target.value as Draft['category'] })}>
              <option value="UTILITY">UTILITY</option>
              <option value="MARKETING">MARKETING</option>
            </SelectField>
          </div>
          <SelectField label={t('editor.header')} value={draft.headerFormat} error={message('headerFormat')}
                       onChange={(e) => set({ headerFormat: e.target.value as HeaderFormat })}>
            {HEADERS.map((format) => <option key={format} value={format}>{t(`editor.${HEADER_LABELS[format]}`)}</option>)}
          </SelectField>
          {draft.headerFormat === 'TEXT' && <>
            <TextField label={t('editor.headerTextLabel')} value={draft.headerText} error={message('headerText')}
                       onChange={(e) => set({ headerText: e.target.value })} />
            {variableCount(draft.headerText) > 0 && (
              <TextField label={t('editor.headerSample', { variable: '{{1}}' })} value={draft.headerSample}
                         error={message('headerSample')} onChange={(e) => set({ headerSample: e.target.value })} />
            )}
          </>}
          {draft.headerFormat && draft.headerFormat !== 'TEXT' && (
            <TextField label={t('editor.headerHandle')} hint={t('editor.headerHandleHint')} value={draft.headerHandle}
                       error={message('headerHandle')} onChange={(e) => set({ headerHandle: e.target.value })} />
          )}
          <TextAreaField label={t('editor.body')} hint={t('editor.bodyHint', { examples: '{{1}}, {{2}}, …' })} rows={4}
                         value={draft.body} error={message('body')} onChange={(e) => set({ body: e.target.value })} />
          {Array.from({ length: samples }, (_, i) => (
            <TextField key={i} label={t('editor.sample', { variable: `{{${i + 1}}}` })} value={draft.bodySamples[i] ?? ''}
                       error={message(`bodySample.${i}`)}
                       onChange={(e) => set({ bodySamples: Array.from({ length: samples }, (_, j) => (j === i ? e.target.value : draft.bodySamples[j] ?? '')) })} />
          ))}
          <TextField label={t('editor.footer')} value={draft.footer} error={message('footer')} onChange={(e) => set({ footer: e.target.value })} />
          <fieldset className="p-stack">
            <legend>{t('editor.buttons')}</legend>
            {message('buttons') && <p className="p-field__error" role="alert">{message('buttons')}</p>}
            {draft.buttons.map((button, i) => (
              <div key={i} className="p-row template-editor__button">
                <TextField label={`${t('editor.buttonText')} ${i + 1}`} value={button.text} error={message(`button.${i}.text`)}
                           onChange={(e) => setButton(i, { text: e.target.value })} />
                {button.type === 'URL' && <>
                  <TextField label={t('editor.buttonUrl')} value={button.url} error={message(`button.${i}.url`)}
                             onChange={(e) => setButton(i, { url: e.target.value })} />
                  {variableCount(button.url) > 0 && (
                    <TextField label={t('editor.buttonUrlSample', { variable: '{{1}}' })} value={button.sample}
                               error={message(`button.${i}.sample`)} onChange={(e) => setButton(i, { sample: e.target.value })} />
                  )}
                </>}
                {button.type === 'PHONE_NUMBER' && (
                  <TextField label={t('editor.buttonPhone')} value={button.phone} error={message(`button.${i}.phone`)}
                             onChange={(e) => setButton(i, { phone: e.target.value })} />
                )}
                <Button size="sm" onClick={() => set({ buttons: draft.buttons.filter((_, j) => j !== i) })}>{t('editor.remove')}</Button>
              </div>
            ))}
            {draft.buttons.length < 10 && (
              <div className="p-row">
                <Button size="sm" onClick={() => addButton('QUICK_REPLY')}>{t('editor.addQuickReply')}</Button>
                <Button size="sm" onClick={() => addButton('URL')}>{t('editor.addUrl')}</Button>
                <Button size="sm" onClick={() => addButton('PHONE_NUMBER')}>{t('editor.addPhone')}</Button>
              </div>
            )}
          </fieldset>
          {tried && Object.keys(local).length > 0 && <Notice tone="danger">{t('editor.fixErrors')}</Notice>}
          {create.error && !unplaced && <ProblemAlert error={create.error} />}
          <div className="p-row">
            <Button type="submit" variant="primary" busy={create.isPending}>{t('editor.submit')}</Button>
            <Button onClick={onDone}>{t('editor.cancel')}</Button>
          </div>
        </div>
        <TemplatePreview draft={draft} />
      </form>
    </Card>
  )
}
