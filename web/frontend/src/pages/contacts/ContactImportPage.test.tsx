import { describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'
import { uploads } from './importData'

/** What the upload hooks hand to the network, answered like the API would. */
function fakeUploads(preview: { status: number; body: unknown }, start?: { status: number; body: unknown }) {
  const forms: { kind: string; form: FormData }[] = []
  const answer = (reply: { status: number; body: unknown }) => Promise.resolve(reply.status < 400
    ? { data: reply.body, response: new Response(null, { status: reply.status }) }
    : { error: reply.body, response: new Response(null, { status: reply.status }) })
  vi.spyOn(uploads, 'preview').mockImplementation(((form: FormData) => {
    forms.push({ kind: 'preview', form })
    return answer(preview)
  }) as never)
  vi.spyOn(uploads, 'start').mockImplementation(((form: FormData) => {
    forms.push({ kind: 'start', form })
    return answer(start ?? preview)
  }) as never)
  return forms
}

const CSV = 'externalUserId,displayName,tags\nU4af4980629d5a8b0a1c1e1e1e1e1e1e1,Mei,vip;taipei\nnot-an-id,Bad,\n'

const preview = {
  totalRows: 2, validRows: 1, invalidRows: 1,
  errors: [{ line: 3, field: 'externalUserId', message: 'must be a LINE user id (U followed by 32 hex digits)' }],
  sample: [{ line: 2, channelId: 'ch1', externalUserId: 'U4af4980629d5a8b0a1c1e1e1e1e1e1e1', displayName: 'Mei', tier: null, tags: ['vip', 'taipei'], attributes: {} }],
}
const imported = (overrides: Record<string, unknown> = {}) => ({
  id: 'imp1', state: 'queued', fileName: 'contacts.csv', totalRows: 2, validRows: 1, processedRows: 0, createdCount: 0,
  updatedCount: 0, failedRows: 1, errors: preview.errors, createdAt: '2026-12-07T08:00:00Z', finishedAt: null, ...overrides,
})

describe('contact import', () => {
  it('checks the file first, shows bad rows by line, then imports and follows the progress to the end', async () => {
    sessionStore.write(tokens())
    const forms = fakeUploads({ status: 200, body: preview }, { status: 202, body: imported() })
    fakeApi(...workspace('admin'),
      route('GET', '/api/v1/contacts/imports/imp1', 200, imported({ state: 'completed', processedRows: 1, createdCount: 1, finishedAt: '2026-12-07T08:00:02Z' })))
    renderApp('/contacts/import')

    await screen.findByRole('option', { name: /Lumi on LINE/ })
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Channel for rows without a channelId column' }), 'ch1')
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'contacts.csv', { type: 'text/csv' }))
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }))

    expect(await screen.findByText('2 rows: 1 ready to import, 1 with errors')).toBeInTheDocument()
    const errors = screen.getByRole('table', { name: 'Rows with errors' })
    expect(within(errors).getByText('must be a LINE user id (U followed by 32 hex digits)')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: 'First rows as they will be imported' })).getByText('vip, taipei')).toBeInTheDocument()
    expect(forms.map((f) => f.kind)).toEqual(['preview'])
    expect(forms[0].form.get('channelId')).toBe('ch1')
    expect((forms[0].form.get('file') as File).name).toBe('contacts.csv')

    await userEvent.click(screen.getByRole('button', { name: 'Import 1 contacts' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Done: 1 created, 0 updated, 1 not imported.')
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1')
    expect(forms.map((f) => f.kind)).toEqual(['preview', 'start'])
  })

  it('shows a problem with the whole file', async () => {
    sessionStore.write(tokens())
    fakeUploads({ status: 400, body: {
      type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
      detail: "file: unknown column 'shoeSize'", errors: [{ field: 'file', message: "unknown column 'shoeSize'" }],
    } })
    fakeApi(...workspace('admin'))
    renderApp('/contacts/import')

    await userEvent.upload(await screen.findByLabelText('CSV file'), new File(['externalUserId,shoeSize\n1,2\n'], 'x.csv', { type: 'text/csv' }))
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }))

    expect(await screen.findByText(/unknown column 'shoeSize'/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Import / })).not.toBeInTheDocument()
  })
})
