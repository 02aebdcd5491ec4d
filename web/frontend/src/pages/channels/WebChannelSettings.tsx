import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Checkbox, CopyField, Notice, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { BusinessHoursFields } from './BusinessHoursFields'
import { hoursForm, hoursOf } from './businessHours'
import { WidgetPreview } from './WidgetPreview'

type Channel = components['schemas']['Channel']
type Settings = components['schemas']['WebChannelSettings']

/**
 * A web chat channel's settings (docs/web-chat.md): the hosted page's address, allowed sites, signed-in users
 * (the identity secret, shown once when generated), the longest message, the offline text, the widget's and the
 * page's branding with a live preview of the widget, and the business hours the widget's hand-off text tells.
 */
export function WebChannelSettings({ channel, onChanged }: { channel: Channel; onChanged: () => void }) {
  const { t } = useTranslation('channels')
  const { canConfigure } = usePermissions()
  const web = channel.web
  if (!web) return null
  return (
    <div className="p-stack">
      <div className="p-field">
        <span className="p-field__label">{t('webSettings.hostedPage')}</span>
        <CopyField value={web.hostedPageUrl} label={t('webSettings.hostedPage')} />
        <span className="p-field__hint">{t('webSettings.hostedPageHint')}</span>
      </div>
      {canConfigure && <SettingsForm channel={channel} web={web} onChanged={onChanged} />}
    </div>
  )
}

function SettingsForm({ channel, web, onChanged }: { channel: Channel; web: Settings; onChanged: () => void }) {
  const { t } = useTranslation('channels')
  const [origins, setOrigins] = useState(web.allowedOrigins.join('\n'))
  const [requireIdentity, setRequireIdentity] = useState(web.requireIdentity)
  const [maxLength, setMaxLength] = useState(String(web.maxMessageLength))
  const [offlineText, setOfflineText] = useState(web.offlineText ?? '')
  const [title, setTitle] = useState(web.title ?? '')
  const [color, setColor] = useState(web.color ?? '')
  const [logoUrl, setLogoUrl] = useState(web.logoUrl ?? '')
  const [position, setPosition] = useState(web.position)
  const [greeting, setGreeting] = useState(web.greeting ?? '')
  const [language, setLanguage] = useState(web.language)
  const [hours, setHours] = useState(() => hoursForm(web.businessHours))
  const path = { botId: channel.botId, channelId: channel.id ?? '' }
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/bots/{botId}/channels/{channelId}', {
      params: { path },
      body: {
        web: {
          allowedOrigins: origins.split(/[\s,]+/).filter(Boolean),
          requireIdentity,
          maxMessageLength: Number(maxLength) || null,
          offlineText: offlineText.trim() || null,
          title: title.trim() || null,
          color: color.trim() || null,
          logoUrl: logoUrl.trim() || null,
          businessHours: hoursOf(hours),
          position,
          greeting: greeting.trim() || null,
          language,
        },
      },
    })),
    onSuccess: onChanged,
  })
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/channels/{channelId}/identity-secret', { params: { path } })),
    onSuccess: onChanged,
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  const generate = () => {
    if (!web.identitySecretSet || window.confirm(t('webSettings.confirmRotate'))) {
      rotate.mutate()
    }
  }
  return (
    // named after the channel: with two web chats, two forms called "Web chat settings" could not be told apart
    <form className="p-stack" onSubmit={submit} noValidate aria-label={t('webSettings.titleOf', { name: channel.name || channel.id })}>
      <TextAreaField label={t('webSettings.allowedOrigins')} hint={t('webSettings.allowedOriginsHint')} rows={3}
                     value={origins} error={errors['web.allowedOrigins']} onChange={(e) => setOrigins(e.target.value)} />
      <div className="p-field">
        <span className="p-field__label">{t('webSettings.identitySecret')}</span>
        <span className="p-field__hint">{web.identitySecretSet ? t('webSettings.secretSet') : t('webSettings.secretNone')}</span>
        <div className="p-row">
          <Button size="sm" busy={rotate.isPending} onClick={generate}>
            {web.identitySecretSet ? t('webSettings.rotate') : t('webSettings.generate')}
          </Button>
        </div>
        {rotate.data && (
          <Notice tone="info">
            {t('webSettings.shownOnce')}
            <CopyField value={rotate.data.secret} label={t('webSettings.newSecret')} />
          </Notice>
        )}
        {rotate.error && <ProblemAlert error={rotate.error} />}
      </div>
      <Checkbox label={t('webSettings.requireIdentity')} checked={requireIdentity}
                onChange={(e) => setRequireIdentity(e.target.checked)} />
      <TextField label={t('webSettings.maxMessageLength')} type="number" min={1} max={4000} value={maxLength}
                 error={errors['web.maxMessageLength']} onChange={(e) => setMaxLength(e.target.value)} />
      <TextAreaField label={t('webSettings.offlineText')} hint={t('webSettings.offlineTextHint')} rows={3} maxLength={2000}
                     value={offlineText} error={errors['web.offlineText']} onChange={(e) => setOfflineText(e.target.value)} />
      <fieldset className="p-stack">
        <legend className="p-field__label">{t('webSettings.branding')}</legend>
        <span className="p-field__hint">{t('webSettings.brandingHint')}</span>
        <TextField label={t('webSettings.pageTitle')} maxLength={100} value={title} error={errors['web.title']}
                   onChange={(e) => setTitle(e.target.value)} />
        <TextField label={t('webSettings.color')} placeholder="#0f766e" value={color} error={errors['web.color']}
                   onChange={(e) => setColor(e.target.value)} />
        <TextField label={t('webSettings.logoUrl')} placeholder="https://" value={logoUrl} error={errors['web.logoUrl']}
                   onChange={(e) => setLogoUrl(e.target.value)} />
        <SelectField label={t('webSettings.position')} value={position} error={errors['web.position']}
                     onChange={(e) => setPosition(e.target.value as Settings['position'])}>
          <option value="right">{t('webSettings.positions.right')}</option>
          <option value="left">{t('webSettings.positions.left')}</option>
        </SelectField>
        <TextAreaField label={t('webSettings.greeting')} hint={t('webSettings.greetingHint')} rows={2} maxLength={300}
                       value={greeting} error={errors['web.greeting']} onChange={(e) => setGreeting(e.target.value)} />
        <SelectField label={t('webSettings.language')} value={language} error={errors['web.language']}
                     onChange={(e) => setLanguage(e.target.value as Settings['language'])}>
          <option value="auto">{t('webSettings.languages.auto')}</option>
          <option value="en">English</option>
          <option value="zh-Hant">繁體中文</option>
        </SelectField>
        <WidgetPreview branding={{ title: title.trim() || null, color: color.trim() || null, logoUrl: logoUrl.trim() || null,
          position, greeting: greeting.trim() || null, language }} />
      </fieldset>
      <BusinessHoursFields form={hours} onChange={setHours} errors={errors} />
      {save.error && <ProblemAlert error={save.error} />}
      {save.isSuccess && <Notice tone="success">{t('webSettings.saved')}</Notice>}
      <div className="p-row">
        <Button type="submit" variant="primary" size="sm" busy={save.isPending}>{t('webSettings.save')}</Button>
      </div>
    </form>
  )
}
