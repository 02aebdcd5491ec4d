import type { components } from '../../api/schema'

export type AdminTenant = components['schemas']['AdminTenant']
export type PlatformHealth = components['schemas']['PlatformHealth']

export const TENANTS_KEY = ['admin-tenants']
