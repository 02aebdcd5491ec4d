/** React Query keys of the bell: live `notification.created` events refresh everything under ['notifications']. */
export const notificationKeys = {
  all: ['notifications'] as const,
}
