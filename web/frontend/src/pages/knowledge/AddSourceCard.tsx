import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Button, Card, FieldFrame, Notice, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { useAddSource } from './knowledgeData'

type Kind = 'qa' | 'file' | 'url'

/** Adds a Q&A pair, a file or a web page; the API answers at once (pending) and the worker indexes it. */
export function AddSourceCard({ botId }: { botId: string }) {
  const { t } = useTranslation('knowledge')
  const add = useAddSource(botId)
  const [kind, setKind] = useState<Kind>('qa')
  const [question, setQuestion] = useState('')
  const [answer, setAnswer] = useState('')
  const [url, setUrl] = useState('')
  const [file, setFile] = useState<File | null>(null)
  // a new key after each upload remounts the file input, so it no longer shows the file just added
  const [fileInput, setFileInput] = useState(0)
  const errors = add.error instanceof ApiProblem ? add.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.reset()
    const source = kind === 'file' ? file : kind === 'qa' ? { type: 'qa' as const, question, answer } : { type: 'url' as const, url }
    if (!source) return
    add.mutate(source, {
      onSuccess: () => { setQuestion(''); setAnswer(''); setUrl(''); setFile(null); setFileInput((n) => n + 1) },
    })
  }
  return (
    <Card title={t('add.title')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        <SelectField label={t('add.kind')} value={kind} onChange={(e) => { setKind(e.target.value as Kind); add.reset() }}>
          {(['qa', 'file', 'url'] as const).map((k) => <option key={k} value={k}>{t(`add.kinds.${k}`)}</option>)}
        </SelectField>
        {kind === 'qa' && <>
          <TextField label={t('add.question')} value={question} maxLength={2000} error={errors.question}
                     onChange={(e) => setQuestion(e.target.value)} />
          <TextAreaField label={t('add.answer')} value={answer} maxLength={20000} rows={4} error={errors.answer}
                         onChange={(e) => setAnswer(e.target.value)} />
        </>}
        {kind === 'url' && <TextField label={t('add.url')} type="url" value={url} hint={t('add.urlHint')} error={errors.url}
                                      placeholder="https://example.com/faq" onChange={(e) => setUrl(e.target.value)} />}
        {kind === 'file' && <FieldFrame label={t('add.file')} hint={t('add.fileHint')} error={errors.file}>
          {(a) => <input {...a} key={fileInput} className="p-input" type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx"
                         onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </FieldFrame>}
        {add.error && !Object.keys(errors).length && <ProblemAlert error={add.error} />}
        {add.isSuccess && <Notice>{t('add.added')}</Notice>}
        <div><Button type="submit" variant="primary" busy={add.isPending} disabled={kind === 'file' && !file}>{t('add.submit')}</Button></div>
      </form>
    </Card>
  )
}
