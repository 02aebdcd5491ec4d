import { useTranslation } from 'react-i18next'
import type { CannedReply } from './conversationData'
import { cannedOptionId } from './cannedMatch'

/**
 * The / menu above the reply box: the keyboard stays in the text box (ReplyBox), which points screen readers at the
 * picked option (aria-activedescendant); a click picks too.
 */
export function CannedMenu({ replies, picked, onPick }: { replies: CannedReply[]; picked: number; onPick: (index: number) => void }) {
  const { t } = useTranslation('inbox')
  return (
    <ul id="canned-menu" className="inbox-canned" role="listbox" aria-label={t('canned.menu')}>
      {replies.map((r, i) => (
        <li key={r.id} id={cannedOptionId(i)} role="option" aria-selected={i === picked} className="inbox-canned__item"
            onMouseDown={(e) => { e.preventDefault(); onPick(i) }}>
          <strong>/{r.shortcut}</strong> <span className="inbox-canned__text">{r.text}</span>
        </li>
      ))}
    </ul>
  )
}
