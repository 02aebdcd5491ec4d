import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Checkbox, Notice, SelectField, TextField } from '../../ui'
import type { Bot } from './botForm'
import type { SectionProps } from './SettingsSection'

export const PROVIDERS = ['openai-compatible', 'anthropic', 'gemini', 'ollama', 'azure-openai', 'demo'] as const

/** What each provider shows: placeholders, whether it takes a key, and Azure's api-version. */
const SHAPES: Record<string, { baseUrl: string; model: string; key: boolean }> = {
  'openai-compatible': { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', key: true },
  anthropic: { baseUrl: 'https://api.anthropic.com/v1', model: 'claude-sonnet-4-5', key: true },
  gemini: { baseUrl: 'https://generativelanguage.googleapis.com/v1beta', model: 'gemini-2.0-flash', key: true },
  ollama: { baseUrl: 'http://localhost:11434', model: 'llama3.2', key: false },
  'azure-openai': { baseUrl: 'https://RESOURCE.openai.azure.com', model: 'my-gpt-4o-deployment', key: true },
}

/**
 * Provider, model and the write-only API key: shown as stored ("…x7Qa") or not, and replaced only on purpose. The
 * fields follow the provider: Ollama takes no key, Azure asks for its deployment and api-version. Switching provider
 * asks for a new key (the API drops the old provider's key).
 */
export function LlmFields({ form, set, errors, bot }: SectionProps & { bot: Bot }) {
  const { t } = useTranslation('bots')
  const [replacingKey, setReplacing] = useState(!bot.llm.apiKeySet)
  const demo = form.provider === 'demo'
  const shape = SHAPES[form.provider] ?? SHAPES['openai-compatible']
  const switched = form.provider !== bot.llm.provider
  const replacing = replacingKey || switched
  const azure = form.provider === 'azure-openai'
  return (
    <div className="p-stack">
      {/* who answers as saved: a new bot with empty fields runs on the demo LLM unless the platform has a key */}
      {bot.llm.answeredBy !== 'own' && !switched && (
        <Notice tone={bot.llm.answeredBy === 'demo' ? 'warning' : 'info'}>{t(`settings.answeredBy.${bot.llm.answeredBy}`)}</Notice>
      )}
      <div className="p-grid-2">
        <SelectField label={t('settings.provider')} value={form.provider} error={errors['llm.provider']}
                     onChange={(e) => set({ provider: e.target.value })}>
          {PROVIDERS.map((p) => <option key={p} value={p}>{t(`settings.providers.${p}`)}</option>)}
        </SelectField>
        <TextField label={azure ? t('settings.deployment') : t('settings.model')} value={form.model}
                   error={errors['llm.model']} maxLength={200} placeholder={t('settings.example', { value: shape.model })} disabled={demo}
                   onChange={(e) => set({ model: e.target.value })} />
      </div>
      {!demo && (
        <>
          <TextField label={t('settings.baseUrl')} hint={t(`settings.baseUrlHints.${form.provider}`)}
                     value={form.baseUrl} type="url" error={errors['llm.baseUrl']} maxLength={500}
                     placeholder={t('settings.example', { value: shape.baseUrl })} onChange={(e) => set({ baseUrl: e.target.value })} />
          {azure && (
            <TextField label={t('settings.apiVersion')} value={form.apiVersion} error={errors['llm.apiVersion']}
                       maxLength={40} placeholder="2024-10-21" onChange={(e) => set({ apiVersion: e.target.value })} />
          )}
          {shape.key && <div className="p-stack bot-secret">
            {replacing ? (
              <TextField label={t('settings.apiKey')} type="password" autoComplete="off" value={form.apiKey}
                         error={errors['llm.apiKey']} maxLength={500}
                         hint={switched ? t('settings.apiKeyNewProvider') : bot.llm.apiKeySet ? t('settings.apiKeySet', { hint: bot.llm.apiKeyHint ?? '••••' }) : t('settings.apiKeyNotSet')}
                         onChange={(e) => set({ apiKey: e.target.value, removeApiKey: false })} />
            ) : (
              <div className="p-field">
                <span className="p-field__label">{t('settings.apiKey')}</span>
                <div className="p-row">
                  <code className="bot-secret__hint">{bot.llm.apiKeyHint ?? '••••'}</code>
                  <Button size="sm" onClick={() => setReplacing(true)}>{t('settings.apiKeyReplace')}</Button>
                </div>
              </div>
            )}
            {bot.llm.apiKeySet && !switched && (
              <Checkbox label={t('settings.apiKeyRemove')} checked={form.removeApiKey}
                        onChange={(e) => set({ removeApiKey: e.target.checked, apiKey: '' })} />
            )}
          </div>}
        </>
      )}
      <div className="bot-grid-3">
        <TextField label={t('settings.temperature')} hint={t('settings.temperatureHint')} type="number" min={0} max={2}
                   step={0.1} inputMode="decimal" value={form.temperature} error={errors['llm.temperature']}
                   onChange={(e) => set({ temperature: e.target.value })} />
        <TextField label={t('settings.maxTokens')} type="number" min={1} max={32768} value={form.maxTokens}
                   error={errors['llm.maxTokens']} onChange={(e) => set({ maxTokens: e.target.value })} />
        <TextField label={t('settings.timeoutMs')} type="number" min={1000} max={60000} step={500} value={form.timeoutMs}
                   error={errors['llm.timeoutMs']} onChange={(e) => set({ timeoutMs: e.target.value })} />
        <TextField label={t('settings.historyWindow')} hint={t('settings.historyWindowHint')} type="number" min={0}
                   max={100} value={form.historyWindow} error={errors.historyWindow}
                   onChange={(e) => set({ historyWindow: e.target.value })} />
      </div>
    </div>
  )
}
