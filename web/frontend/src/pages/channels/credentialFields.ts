import type { components } from '../../api/schema'

type CreateChannelRequest = components['schemas']['CreateChannelRequest']

/** The credential fields each channel type takes (api ChannelCredentials is the authority), in display order. */
export const CHANNEL_TYPES = ['line', 'whatsapp', 'telegram', 'web'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export interface CredentialField {
  name: 'channelSecret' | 'channelAccessToken' | 'phoneNumberId' | 'accessToken' | 'appSecret' | 'businessAccountId' | 'verifyToken' | 'botToken'
  secret: boolean
  required: boolean
  placeholder?: string
}

export const CREDENTIAL_FIELDS: Record<ChannelType, CredentialField[]> = {
  line: [
    { name: 'channelSecret', secret: true, required: true },
    { name: 'channelAccessToken', secret: true, required: true },
  ],
  whatsapp: [
    { name: 'phoneNumberId', secret: false, required: true, placeholder: '106540352242922' },
    { name: 'accessToken', secret: true, required: true },
    { name: 'appSecret', secret: true, required: true },
    { name: 'businessAccountId', secret: false, required: false, placeholder: '102290129340398' },
    { name: 'verifyToken', secret: false, required: false },
  ],
  telegram: [{ name: 'botToken', secret: true, required: true, placeholder: '123456789:AAH…' }],
  web: [],
}

/**
 * What was typed, without empty optional fields (an empty verify token means "generate one"). Typed for the
 * request, whose generated type for a free-form object (Map<String, Object> on the server) accepts no strings.
 */
export function credentialsBody(type: ChannelType, values: Record<string, string>): CreateChannelRequest['credentials'] {
  return Object.fromEntries(CREDENTIAL_FIELDS[type]
    .map((field) => [field.name, (values[field.name] ?? '').trim()] as const)
    .filter(([, value]) => value !== '')) as unknown as CreateChannelRequest['credentials']
}
