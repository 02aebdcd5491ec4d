import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type Template = components['schemas']['WhatsAppTemplate']
export type CreateTemplate = components['schemas']['CreateWhatsAppTemplateRequest']
export type WindowFallback = components['schemas']['WhatsAppWindowFallback']
export type Channel = components['schemas']['Channel']

const keys = {
  list: (botId: string) => ['templates', botId] as const,
  fallback: (botId: string, channelId: string) => ['templates', botId, 'fallback', channelId] as const,
}

export function useTemplates(botId: string) {
  return useQuery({
    queryKey: keys.list(botId),
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/templates', { params: { path: { botId } } })),
  })
}

/** The bot's WhatsApp channels: each reaches one WhatsApp Business Account and holds its own templates. */
export function useWhatsAppChannels(botId: string) {
  return useQuery({
    queryKey: ['channels', botId, 'whatsapp'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/bots/{botId}/channels', { params: { path: { botId }, query: { limit: 100 } } }))
      return page.items.filter((channel) => channel.type === 'whatsapp')
    },
  })
}

export function useSyncTemplates(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/templates/sync', { params: { path: { botId } }, body: {} })),
    onSuccess: () => { void queries.invalidateQueries({ queryKey: keys.list(botId) }) },
  })
}

export function useCreateTemplate(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateTemplate) => unwrap(api.POST('/api/v1/bots/{botId}/templates', { params: { path: { botId } }, body })),
    onSuccess: () => { void queries.invalidateQueries({ queryKey: keys.list(botId) }) },
  })
}

export function useDeleteTemplate(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (templateId: string) => unwrap(api.DELETE('/api/v1/bots/{botId}/templates/{templateId}',
      { params: { path: { botId, templateId } } })),
    onSuccess: () => { void queries.invalidateQueries({ queryKey: keys.list(botId) }) },
  })
}

/** A channel's 24-hour fallback; null when none is set (the API answers 404). */
export function useWindowFallback(botId: string, channelId: string) {
  return useQuery({
    queryKey: keys.fallback(botId, channelId),
    queryFn: async () => {
      const result = await api.GET('/api/v1/bots/{botId}/templates/window-fallbacks/{channelId}',
        { params: { path: { botId, channelId } } })
      if (result.response.status === 404) return null
      return unwrap(Promise.resolve(result))
    },
  })
}

export function useSaveWindowFallback(botId: string, channelId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: { templateName: string; language: string; bodyVariables: string[] }) =>
      unwrap(api.PUT('/api/v1/bots/{botId}/templates/window-fallbacks/{channelId}', { params: { path: { botId, channelId } }, body })),
    onSuccess: (saved) => { queries.setQueryData(keys.fallback(botId, channelId), saved) },
  })
}

export function useRemoveWindowFallback(botId: string, channelId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/bots/{botId}/templates/window-fallbacks/{channelId}',
      { params: { path: { botId, channelId } } })),
    onSuccess: () => { queries.setQueryData(keys.fallback(botId, channelId), null) },
  })
}

const VARIABLE = /\{\{\s*(\d{1,3})\s*\}\}/g

/** The distinct numbered variables of a text, e.g. 2 for "Hi {{1}}, {{2}}". */
export function variableCount(text: string | undefined): number {
  if (!text) return 0
  return new Set([...text.matchAll(VARIABLE)].map((match) => match[1])).size
}

/** The text with {{n}} replaced by the n-th value (kept as {{n}} while empty). */
export function fill(text: string, values: string[]): string {
  return text.replace(VARIABLE, (whole, n: string) => values[Number(n) - 1]?.trim() || whole)
}

/** The BODY text of a template as Meta stores it. */
export function bodyText(template: Template): string {
  const body = template.components.find((component) => String(component.type).toUpperCase() === 'BODY')
  return typeof body?.text === 'string' ? body.text : ''
}
