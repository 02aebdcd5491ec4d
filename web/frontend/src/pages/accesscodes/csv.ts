/** The CSV of a new batch, as the API's POST …/access-codes/batches/csv writes it (code,batch,maxUses,expiresAt). */
export function batchCsv(codes: string[], name: string, maxUses: number, expiresAt?: string | null): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
    return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const rows = codes.map((code) => [code, cell(name), String(maxUses), expiresAt ?? ''].join(','))
  return ['code,batch,maxUses,expiresAt', ...rows].join('\r\n') + '\r\n'
}

/** Offers text as a file download. */
export function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  URL.revokeObjectURL(url)
}
