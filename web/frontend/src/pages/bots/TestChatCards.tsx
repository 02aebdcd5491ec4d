import { useTranslation } from 'react-i18next'
import { Button, LinkedText } from '../../ui'
import type { ChatButton, ChatLine } from './useWebChat'

/**
 * A carousel reply in the test chat, as the widget shows it: its cards in a row that scrolls sideways. A press of a
 * card's button answers the whole carousel (all its buttons are disabled); the pressed one is known by its postback
 * data, since labels such as "Order" repeat from card to card.
 */
export function TestChatCards({ line, onPress }: {
  line: ChatLine
  onPress: (replyId: string, button: ChatButton, chosen: string) => void
}) {
  const { t } = useTranslation('bots')
  return (
    <ul className="test-chat__cards" aria-label={t('testChat.cards')}>
      {(line.cards ?? []).map((card, index) => (
        <li key={index} className="test-chat__card">
          {card.image && <img className="test-chat__image" src={card.image.url} alt={card.image.alt || t('testChat.image')} />}
          <strong className="test-chat__title">{card.title}</strong>
          <LinkedText text={card.text} />
          {card.buttons.length > 0 && (
            <span className="test-chat__buttons" role="group" aria-label={t('testChat.choices')}>
              {card.buttons.map((button, i) => (
                <Button key={i} size="sm" variant={line.chosen === button.postback ? 'primary' : 'secondary'}
                        disabled={line.chosen !== undefined} aria-pressed={line.chosen === button.postback || undefined}
                        onClick={() => onPress(line.id, button, button.postback)}>
                  {button.label}
                </Button>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
