import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Badge, Button, Card, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { formatMicros, toMicros } from './format'

const dollars = (micros: number) => String(micros / 1_000_000)

/** The LLM price table: the operator's and the tenant's own prices, an editor for its own, the unpriced models. */
export function PriceTable() {
  const { t } = useTranslation('billing')
  const queries = useQueryClient()
  const table = useQuery({ queryKey: ['llm-prices'], queryFn: () => unwrap(api.GET('/api/v1/llm-prices')) })
  const [model, setModel] = useState('')
  const [input, setInput] = useState('')
  const [output, setOutput] = useState('')
  const [invalid, setInvalid] = useState(false)
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['llm-prices'] })
    void queries.invalidateQueries({ queryKey: ['usage-ledger'] })
  }
  const save = useMutation({
    mutationFn: (price: { model: string; inputPerMillion: number; outputPerMillion: number }) =>
      unwrap(api.PUT('/api/v1/llm-prices/{model}', { params: { path: { model: price.model } },
        body: { inputPerMillion: price.inputPerMillion, outputPerMillion: price.outputPerMillion } })),
    onSuccess: () => { setModel(''); setInput(''); setOutput(''); refresh() },
  })
  const remove = useMutation({
    mutationFn: (name: string) => unwrap(api.DELETE('/api/v1/llm-prices/{model}', { params: { path: { model: name } } })),
    onSuccess: refresh,
  })
  const edit = (name: string, inputMicros = 0, outputMicros = 0, known = false) => {
    setModel(name)
    setInput(known ? dollars(inputMicros) : '')
    setOutput(known ? dollars(outputMicros) : '')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const inputMicros = toMicros(input)
    const outputMicros = toMicros(output)
    setInvalid(inputMicros === null || outputMicros === null || !model.trim())
    if (inputMicros === null || outputMicros === null || !model.trim()) return
    save.mutate({ model: model.trim(), inputPerMillion: inputMicros, outputPerMillion: outputMicros })
  }
  const unpriced = table.data?.unpricedModels.filter((m) => !m.pricedNow) ?? []

  return (
    <Card title={t('prices.title')}>
      <p className="p-muted">{t('prices.description')}</p>
      {table.isPending ? <Loading /> : table.error ? <ProblemAlert error={table.error} onRetry={() => table.refetch()} /> : table.data && (
        <div className="p-stack">
          {unpriced.length > 0 && (
            <Notice tone="danger">
              <p>{t('prices.unpriced')}</p>
              <ul className="billing-unpriced">
                {unpriced.map((m) => (
                  <li key={m.model}>
                    <span className="p-mono">{m.model}</span>{' '}
                    <span className="p-muted">{t('prices.unpricedCalls', { count: m.calls })}</span>{' '}
                    <Button variant="secondary" size="sm" onClick={() => edit(m.model)}>{t('prices.setPriceOf', { model: m.model })}</Button>
                  </li>
                ))}
              </ul>
            </Notice>
          )}
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr>
                <th>{t('prices.model')}</th><th>{t('prices.input')}</th><th>{t('prices.output')}</th>
                <th>{t('prices.source')}</th><th><span className="visually-hidden">{t('prices.actions')}</span></th>
              </tr></thead>
              <tbody>
                {table.data.prices.map((price) => (
                  <tr key={price.model}>
                    <td className="p-mono">{price.model}</td>
                    <td>{formatMicros(price.inputPerMillion)}</td>
                    <td>{formatMicros(price.outputPerMillion)}</td>
                    <td>{price.source === 'tenant' ? <Badge>{t('prices.yours')}</Badge> : t('prices.operator')}</td>
                    <td className="p-row">
                      <Button variant="secondary" size="sm" onClick={() => edit(price.model, price.inputPerMillion, price.outputPerMillion, true)}>
                        {t('prices.edit', { model: price.model })}
                      </Button>
                      {price.source === 'tenant' && (
                        <Button variant="secondary" size="sm" busy={remove.isPending && remove.variables === price.model}
                                onClick={() => remove.mutate(price.model)}>
                          {t(price.overridesOperator ? 'prices.revert' : 'prices.remove', { model: price.model })}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form className="billing-price-form" onSubmit={submit} aria-label={t('prices.formTitle')}>
            <TextField label={t('prices.model')} value={model} onChange={(e) => setModel(e.target.value)} maxLength={200} />
            <TextField label={t('prices.inputDollars')} value={input} inputMode="decimal" onChange={(e) => setInput(e.target.value)} />
            <TextField label={t('prices.outputDollars')} value={output} inputMode="decimal" onChange={(e) => setOutput(e.target.value)} />
            <Button type="submit" busy={save.isPending}>{t('prices.save')}</Button>
          </form>
          {invalid && <Notice tone="danger">{t('prices.invalid')}</Notice>}
          {(save.error || remove.error) && <ProblemAlert error={save.error ?? remove.error} />}
        </div>
      )}
    </Card>
  )
}
