import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Card, Notice, ProblemAlert, TextField } from '../../ui'
import { useSearch } from './knowledgeData'

/** "Test a question": the excerpts a turn would put into the prompt, numbered as the bot cites them. */
export function SearchCard({ botId }: { botId: string }) {
  const { t } = useTranslation('knowledge')
  const search = useSearch(botId)
  const [question, setQuestion] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (question.trim()) search.mutate(question.trim())
  }
  return (
    <Card title={t('search.title')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        <TextField label={t('search.question')} value={question} maxLength={2000} onChange={(e) => setQuestion(e.target.value)} />
        <div><Button type="submit" busy={search.isPending}>{t('search.submit')}</Button></div>
      </form>
      {search.error && <ProblemAlert error={search.error} />}
      {search.data && search.data.items.length === 0 && <Notice>{t('search.none')}</Notice>}
      {search.data && search.data.items.length > 0 && (
        <ol className="p-stack" aria-label={t('search.results')} style={{ listStyle: 'none', padding: 0 }}>
          {search.data.items.map((chunk) => (
            <li key={`${chunk.sourceId}-${chunk.n}`}>
              <strong>[{chunk.n}] {chunk.reference}</strong> <span className="p-muted">{t('search.score', { score: chunk.score.toFixed(2) })}</span>
              <blockquote style={{ whiteSpace: 'pre-wrap', margin: '0.25rem 0 0' }}>{chunk.text}</blockquote>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
