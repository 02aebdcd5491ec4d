import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CopyField } from './CopyField'

describe('CopyField', () => {
  it('lets the keyboard reach the value, which scrolls sideways when long, before its copy button', async () => {
    render(<CopyField label="Embed snippet" value={'<script src="https://parley.example/widget.js" async></script>'} />)

    await userEvent.tab()
    expect(screen.getByLabelText('Embed snippet')).toHaveFocus()
    await userEvent.tab()
    expect(screen.getByRole('button', { name: 'Copy: Embed snippet' })).toHaveFocus()
  })
})
