import { useTranslation } from 'react-i18next'
import type { components } from '../../../api/schema'
import { Button, TextField } from '../../../ui'
import { TemplateField } from '../../bots/TemplateField'
import { Choices } from './Choices'
import { MAX_CARD_BUTTONS } from './RichStepEditor'

type Card = components['schemas']['FlowCard']

/** docs/flows.md: 2 to 10 cards (a single card is a card step; LINE takes 12 bubbles, 10 keep it scrollable). */
const MIN_CARDS = 2
const MAX_CARDS = 10

/** A new card as the API wants it. */
const newCard = (): Card => ({ title: '', text: '' })

/**
 * The cards of a carousel step, one fieldset each (title, text, image, up to 3 buttons), with the API's field errors
 * (`steps[0].cards[1].title`…) next to each field and the whole list's (`steps[0].cards`) above it.
 */
export function CarouselEditor({ cards, onChange, errors, path }: {
  cards: Card[]
  onChange: (cards: Card[]) => void
  errors: Record<string, string>
  /** e.g. steps[2] */
  path: string
}) {
  const { t } = useTranslation('rich')
  const change = (index: number, patch: Partial<Card>) =>
    onChange(cards.map((card, i) => (i === index ? { ...card, ...patch } : card)))
  const listError = errors[`${path}.cards`]
  return (
    <div className="p-stack">
      {listError && <span className="p-field__error" role="alert">{listError}</span>}
      {cards.map((card, index) => {
        const at = `${path}.cards[${index}]`
        const number = index + 1
        return (
          <fieldset className="flow-buttons" key={index} aria-label={t('cardNumber', { number })}>
            <legend className="p-field__label">{t('cardNumber', { number })}</legend>
            {errors[at] && <span className="p-field__error" role="alert">{errors[at]}</span>}
            <TextField label={t('title')} value={card.title ?? ''} maxLength={80} error={errors[`${at}.title`]}
                       onChange={(e) => change(index, { title: e.target.value })} />
            <TemplateField label={t('text')} value={card.text ?? ''} error={errors[`${at}.text`]} maxLength={1000} rows={2}
                           setupUrl onChange={(text) => change(index, { text })} />
            <TextField label={t('imageUrl')} type="url" value={card.imageUrl ?? ''} placeholder="https://"
                       error={errors[`${at}.imageUrl`]}
                       onChange={(e) => change(index, { imageUrl: e.target.value.trim() === '' ? undefined : e.target.value })} />
            <Choices kind="button" items={card.buttons ?? []} max={MAX_CARD_BUTTONS} path={`${at}.buttons`} errors={errors}
                     onChange={(buttons) => change(index, { buttons: buttons.length === 0 ? undefined : buttons })} />
            <div>
              <Button size="sm" variant="ghost" disabled={cards.length <= MIN_CARDS}
                      onClick={() => onChange(cards.filter((_, i) => i !== index))}>
                {t('removeCard', { number })}
              </Button>
            </div>
          </fieldset>
        )
      })}
      <div>
        <Button size="sm" disabled={cards.length >= MAX_CARDS} onClick={() => onChange([...cards, newCard()])}>
          {t('addCard')}
        </Button>
      </div>
      <p className="p-field__hint">{t('carouselChannels')}</p>
    </div>
  )
}
