import { useTranslation } from 'react-i18next'
import { Badge, Notice } from '../../ui'
import type { components } from '../../api/schema'

type Flag = components['schemas']['ModerationFlag']

const TONE = { crisis: 'danger', refuse: 'warning', flag: 'warning' } as const

/** A message's moderation flag in the inbox: what the bot did (crisis, refused, flagged) or "not checked". */
export function ModerationBadge({ flag }: { flag: Flag }) {
  const { t } = useTranslation('moderation')
  const what = t(`badge.${flag.action ?? 'unchecked'}`)
  const categories = flag.categories.join(', ')
  return (
    <span className="moderation-badge" title={categories}>
      {' · '}
      <Badge tone={flag.action ? TONE[flag.action] : undefined}>{what}</Badge>
      <span className="visually-hidden">{t('badgeLabel', { what, categories })}</span>
    </span>
  )
}

/** Above a thread: a crisis (or other flags) moderation found among the loaded messages. */
export function ModerationSummary({ flags }: { flags: (Flag | null | undefined)[] }) {
  const { t } = useTranslation('moderation')
  const flagged = flags.filter((f): f is Flag => !!f && !!f.action)
  if (flagged.length === 0) return null
  return flagged.some((f) => f.action === 'crisis')
    ? <Notice tone="danger">{t('conversationCrisis')}</Notice>
    : <Notice>{t('conversationFlagged', { count: flagged.length })}</Notice>
}
