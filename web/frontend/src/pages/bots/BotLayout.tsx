import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router-dom'
import { Button, Loading, PageHeader, ProblemAlert } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { BotFigures } from '../analytics/BotFigures'
import { StatusBadge } from './StatusBadge'
import { TestChatPanel } from './TestChatPanel'
import { useBot } from './useBot'
import './bots.css'

/** A bot's page: its name, the Settings / Channels / Flows navigation, the section, and the test chat beside it. */
export function BotLayout() {
  const { t } = useTranslation('bots')
  const bot = useBot()
  const [testing, setTesting] = useState(false)
  const { canChat } = usePermissions()
  if (bot.isPending) return <Loading />
  if (bot.error) return <ProblemAlert error={bot.error} onRetry={() => bot.refetch()} />
  const base = `/bots/${bot.botId}`
  return (
    <>
      <Link to="/bots" className="bot-back">← {t('nav.all')}</Link>
      <PageHeader title={bot.data.name} description={<StatusBadge status={bot.data.status} />}
                  actions={canChat && <Button aria-expanded={testing} aria-controls="test-chat" onClick={() => setTesting((open) => !open)}>
                    {testing ? t('testChat.close') : t('testChat.open')}
                  </Button>} />
      <BotFigures botId={bot.botId} />
      <nav className="bot-tabs" aria-label={t('nav.label')}>
        <NavLink to={base} end className="bot-tabs__link">{t('nav.settings')}</NavLink>
        <NavLink to={`${base}/channels`} className="bot-tabs__link">{t('nav.channels')}</NavLink>
        <NavLink to={`${base}/flows`} className="bot-tabs__link">{t('nav.flows')}</NavLink>
        <NavLink to={`${base}/access-codes`} className="bot-tabs__link">{t('nav.accessCodes')}</NavLink>
        <NavLink to={`${base}/templates`} className="bot-tabs__link">{t('nav.templates')}</NavLink>
        <NavLink to={`${base}/memory`} className="bot-tabs__link">{t('nav.memory')}</NavLink>
        <NavLink to={`${base}/knowledge`} className="bot-tabs__link">{t('nav.knowledge')}</NavLink>
        <NavLink to={`${base}/setup-page`} className="bot-tabs__link">{t('nav.setupPage')}</NavLink>
      </nav>
      <div className={testing ? 'bot-body bot-body--testing' : 'bot-body'}>
        <div className="bot-body__main"><Outlet /></div>
        {testing && canChat && <aside id="test-chat" className="bot-body__aside" aria-label={t('testChat.title')}><TestChatPanel botId={bot.botId} /></aside>}
      </div>
    </>
  )
}
