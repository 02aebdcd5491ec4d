import type { CannedReply } from './conversationData'

/** The canned replies whose shortcut starts with what follows a leading "/" (the whole text is the command). */
export function matchingCanned(replies: CannedReply[], text: string): CannedReply[] {
  const command = /^\/([a-z0-9_-]*)$/i.exec(text)
  if (!command) return []
  const typed = command[1].toLowerCase()
  return replies.filter((r) => r.shortcut.startsWith(typed)).slice(0, 8)
}

/** The id of the / menu's option at `index`: the reply box names the picked one as its active descendant. */
export const cannedOptionId = (index: number) => `canned-option-${index}`
