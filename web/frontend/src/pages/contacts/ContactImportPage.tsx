import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { Button, Card, PageHeader, ProblemAlert, SelectField } from '../../ui'
import { useChannelOptions } from '../inbox/channelOptions'
import { useImport, usePreviewImport, useStartImport, type ContactImport, type ImportPreview } from './importData'
import './contacts.css'

/** The CSV import wizard: choose a channel and a file, check it (a dry run with per-row errors), import, watch. */
export function ContactImportPage() {
  const { t } = useTranslation('contacts')
  const { channels } = useChannelOptions()
  const [channelId, setChannelId] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const preview = usePreviewImport()
  const start = useStartImport()
  const progress = useImport(start.data?.id)
  const upload = file ? { file, channelId } : null
  const sendable = channels.filter((c) => c.type !== 'web')

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')}
                  actions={<Link to="/contacts">{t('import.back')}</Link>} />
      <div className="p-stack">
        <Card>
          <form className="p-stack" onSubmit={(e) => { e.preventDefault(); if (upload) preview.mutate(upload) }}>
            <SelectField label={t('import.channel')} value={channelId} onChange={(e) => { setChannelId(e.target.value); preview.reset() }}>
              <option value="">{t('import.chooseChannel')}</option>
              {sendable.map((c) => <option key={c.id} value={c.id}>{c.name || t(`channelType.${c.type}`)} ({c.botName})</option>)}
            </SelectField>
            <div className="p-field">
              <label className="p-field__label" htmlFor="contact-import-file">{t('import.file')}</label>
              <input id="contact-import-file" type="file" accept=".csv,text/csv" aria-describedby="contact-import-format"
                     onChange={(e) => { setFile(e.target.files?.[0] ?? null); preview.reset() }} />
              <span id="contact-import-format" className="p-muted">{t('import.format')}</span>
            </div>
            <div className="p-row">
              <Button type="submit" disabled={!upload || Boolean(start.data)} busy={preview.isPending}>{t('import.check')}</Button>
            </div>
          </form>
        </Card>
        {preview.error && <ProblemAlert error={preview.error} />}
        {preview.data && !start.data && (
          <PreviewCard preview={preview.data} busy={start.isPending} onStart={() => upload && start.mutate(upload)} />
        )}
        {start.error && <ProblemAlert error={start.error} />}
        {start.data && <ProgressCard current={progress.data ?? start.data} />}
      </div>
    </>
  )
}

function PreviewCard({ preview, busy, onStart }: { preview: ImportPreview; busy: boolean; onStart: () => void }) {
  const { t } = useTranslation('contacts')
  return (
    <Card title={t('import.rows', { total: preview.totalRows, valid: preview.validRows, invalid: preview.invalidRows })}>
      {preview.errors.length > 0 && (
        <table className="p-table" aria-label={t('import.errors')}>
          <thead><tr><th>{t('import.line')}</th><th>{t('import.field')}</th><th>{t('import.problem')}</th></tr></thead>
          <tbody>{preview.errors.map((e) => (
            <tr key={`${e.line}-${e.field}`}><td>{e.line}</td><td>{e.field}</td><td>{e.message}</td></tr>
          ))}</tbody>
        </table>
      )}
      {preview.sample.length > 0 && (
        <table className="p-table" aria-label={t('import.sample')}>
          <thead><tr><th>{t('import.line')}</th><th>{t('import.userId')}</th><th>{t('import.name')}</th><th>{t('import.tags')}</th></tr></thead>
          <tbody>{preview.sample.map((row) => (
            <tr key={row.line}><td>{row.line}</td><td>{row.externalUserId}</td><td>{row.displayName}</td><td>{row.tags?.join(', ')}</td></tr>
          ))}</tbody>
        </table>
      )}
      <div className="p-row">
        <Button variant="primary" disabled={preview.validRows === 0} busy={busy} onClick={onStart}>
          {t('import.start', { count: preview.validRows })}
        </Button>
      </div>
    </Card>
  )
}

function ProgressCard({ current }: { current: ContactImport }) {
  const { t } = useTranslation('contacts')
  const finished = current.state === 'completed' || current.state === 'failed'
  return (
    <Card title={t('import.progress')}>
      <progress aria-label={t('import.progress')} max={Math.max(current.validRows, 1)} value={current.processedRows} />
      <p>{t('import.progressText', { processed: current.processedRows, valid: current.validRows })}</p>
      {finished && <p role="status">{t('import.done', { created: current.createdCount, updated: current.updatedCount, failed: current.failedRows })}</p>}
    </Card>
  )
}
