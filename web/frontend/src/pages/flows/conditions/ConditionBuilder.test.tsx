import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderWithProviders } from '../../../test/render'
import type { ConditionSpec } from '../flowForm'
import { ConditionBuilder } from './ConditionBuilder'

/** The builder as a page holds it, with the latest condition readable by the test. */
function renderBuilder(start: ConditionSpec, errors: Record<string, string> = {}) {
  const latest: { value: ConditionSpec } = { value: start }
  function Harness() {
    const [condition, setCondition] = useState(start)
    latest.value = condition
    return <ConditionBuilder label="Only when" condition={condition} path="condition" errors={errors}
                             onChange={(c) => { latest.value = c; setCondition(c) }} />
  }
  renderWithProviders(<Harness />)
  return latest
}

describe('condition builder', () => {
  it('builds all of an attribute compared as a number, a set of channels and a night-time range', async () => {
    const latest = renderBuilder({ field: 'contact.attributes.', op: 'exists' })
    const root = screen.getByRole('group', { name: 'Only when' })

    await userEvent.selectOptions(within(root).getByLabelText('Kind'), 'all')
    const first = screen.getByRole('group', { name: 'Condition 1' })
    await userEvent.type(within(first).getByLabelText('Key'), 'age')
    await userEvent.selectOptions(within(first).getByLabelText('Comparison'), 'gte')
    expect(within(first).getByLabelText('Value')).toHaveAttribute('type', 'number')
    await userEvent.type(within(first).getByLabelText('Value'), '18')

    await userEvent.click(within(root).getByRole('button', { name: 'Add test' }))
    const second = screen.getByRole('group', { name: 'Condition 2' })
    await userEvent.selectOptions(within(second).getByLabelText('Field'), 'channel')
    await userEvent.selectOptions(within(second).getByLabelText('Comparison'), 'in')
    await userEvent.click(within(second).getByLabelText('LINE'))
    await userEvent.click(within(second).getByLabelText('Web chat'))

    await userEvent.click(within(root).getByRole('button', { name: 'Add group' }))
    const third = screen.getByRole('group', { name: 'Condition 3' })
    await userEvent.selectOptions(within(third).getAllByLabelText('Kind')[0], 'not')
    const negated = within(third).getByRole('group', { name: 'This must not hold' })
    await userEvent.selectOptions(within(negated).getByLabelText('Field'), 'time')
    await userEvent.selectOptions(within(negated).getByLabelText('Comparison'), 'between')
    await userEvent.type(within(negated).getByLabelText('From'), '22:00')
    await userEvent.type(within(negated).getByLabelText('To'), '06:00')

    expect(latest.value).toEqual({ all: [
      { field: 'contact.attributes.age', op: 'gte', value: 18 },
      { field: 'channel', op: 'in', values: ['line', 'web'] },
      { not: { field: 'time', op: 'between', values: ['22:00', '06:00'] } },
    ] })
  })

  it('offers each field only the comparisons the API takes for it, and dates a period hint', async () => {
    const latest = renderBuilder({ field: 'contact.attributes.birthday', op: 'before', value: '-P18Y' })
    const comparison = screen.getByLabelText('Comparison')
    expect(screen.getByLabelText('Value')).toHaveValue('-P18Y')
    expect(screen.getByLabelText('Value')).toHaveAccessibleDescription(/-P18Y is 18 years ago/)

    await userEvent.selectOptions(screen.getByLabelText('Field'), 'contact.personaOverride')
    expect(within(comparison).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['exists', 'not_exists'])
    expect(latest.value).toEqual({ field: 'contact.personaOverride', op: 'exists' })
    expect(screen.queryByLabelText('Value')).not.toBeInTheDocument()
  })

  it('keeps a field it does not know (a memory field) by its full name', async () => {
    const latest = renderBuilder({ field: 'memory.favorability', op: 'gt', value: 50 })
    expect(screen.getByLabelText('Field')).toHaveValue('other')
    expect(screen.getByLabelText('Field name')).toHaveValue('memory.favorability')
    await userEvent.clear(screen.getByLabelText('Value'))
    await userEvent.type(screen.getByLabelText('Value'), '70')
    expect(latest.value).toEqual({ field: 'memory.favorability', op: 'gt', value: 70 })
  })

  it("shows each of the API's errors next to the part of the condition it names", () => {
    renderBuilder({ all: [{ field: 'contact.tier', op: 'equals', value: 'vip' }, { field: 'contact.attributes.age', op: 'gte', value: 'old' }] },
      { 'condition.all[1].value': 'must be a number for gte', 'condition.all[0].op': 'unknown op' })
    const second = screen.getByRole('group', { name: 'Condition 2' })
    expect(within(second).getByLabelText('Value')).toHaveAccessibleDescription('must be a number for gte')
    expect(within(screen.getByRole('group', { name: 'Condition 1' })).getByLabelText('Comparison')).toHaveAccessibleDescription('unknown op')
  })

  it('offers contact tags as a set: has the tag, has any of the tags, has any tag', async () => {
    const latest = renderBuilder({ field: 'contact.attributes.', op: 'exists' })
    await userEvent.selectOptions(screen.getByLabelText('Field'), 'contact.tags')
    const comparison = screen.getByLabelText('Comparison')
    expect(within(comparison).getAllByRole('option').map((o) => o.textContent)).toEqual(['has the tag', 'has any of the tags', 'has any tag'])
    expect(latest.value).toEqual({ field: 'contact.tags', op: 'exists' })

    await userEvent.selectOptions(comparison, 'contains')
    await userEvent.type(screen.getByLabelText('Value'), 'vip')
    expect(latest.value).toEqual({ field: 'contact.tags', op: 'contains', value: 'vip' })
    await userEvent.selectOptions(comparison, 'in')
    await userEvent.type(screen.getByLabelText('Values'), 'gold, 台北')
    expect(latest.value).toEqual({ field: 'contact.tags', op: 'in', values: ['gold', '台北'] })
  })
})
