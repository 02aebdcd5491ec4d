import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type ImportPreview = components['schemas']['ContactImportPreview']
export type ContactImport = components['schemas']['ContactImport']

export interface ImportUpload { file: File; channelId: string }

const POLL_MS = 1000

/** The upload as multipart/form-data (the API streams the CSV from it). */
function formData(upload: ImportUpload) {
  const form = new FormData()
  form.append('file', upload.file, upload.file.name)
  if (upload.channelId) form.append('channelId', upload.channelId)
  return form
}

/**
 * Sends the uploads. An object so component tests can replace it: jsdom's FormData cannot travel through Node's
 * fetch (it arrives as the text "[object FormData]"), so those tests check the FormData handed over here.
 */
export const uploads = {
  preview: (form: FormData) => api.POST('/api/v1/contacts/imports/preview', {
    body: {} as never, bodySerializer: () => form,
  }),
  start: (form: FormData) => api.POST('/api/v1/contacts/imports', {
    body: {} as never, bodySerializer: () => form,
  }),
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (upload: ImportUpload) => unwrap<ImportPreview>(uploads.preview(formData(upload))),
  })
}

export function useStartImport() {
  return useMutation({
    mutationFn: (upload: ImportUpload) => unwrap<ContactImport>(uploads.start(formData(upload))),
  })
}

/** An import's progress, read again every second until it is finished. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: ['contacts', 'import', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/contacts/imports/{importId}', { params: { path: { importId: id ?? '' } } })),
    refetchInterval: (query) => {
      const state = query.state.data?.state
      return state === 'completed' || state === 'failed' ? false : POLL_MS
    },
  })
}
