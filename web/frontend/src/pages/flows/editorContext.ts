import { createContext, useContext } from 'react'

/** The bot whose flow is being edited, and the flow (undefined while new): what step editors look up (go-to's list). */
export const FlowEditorContext = createContext<{ botId: string; flowId?: string }>({ botId: '' })

export const useFlowEditor = () => useContext(FlowEditorContext)
