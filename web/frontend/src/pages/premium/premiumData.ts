import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type StripeAccount = components['schemas']['ContactStripeAccount']
export type StripeAccountRequest = components['schemas']['ContactStripeAccountRequest']
export type Offer = components['schemas']['ContactOffer']
export type OfferRequest = components['schemas']['ContactOfferRequest']
export type ContactSubscription = components['schemas']['ContactSubscription']

const keys = {
  account: ['premium', 'stripe-account'] as const,
  offers: ['premium', 'offers'] as const,
  subscriptions: (contactId: string) => ['premium', 'subscriptions', contactId] as const,
}

/** The tenant's own Stripe account (owners and admins only: others get 403 and the section is not shown). */
export function useStripeAccount() {
  return useQuery({ queryKey: keys.account, queryFn: () => unwrap(api.GET('/api/v1/premium/stripe-account')) })
}

export function useConnectStripe() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: StripeAccountRequest) => unwrap(api.PUT('/api/v1/premium/stripe-account', { body })),
    onSuccess: (account) => queries.setQueryData(keys.account, account),
  })
}

export function useDisconnectStripe() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/premium/stripe-account')),
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.account }),
  })
}

export function useOffers() {
  return useQuery({ queryKey: keys.offers, queryFn: () => unwrap(api.GET('/api/v1/premium/offers')) })
}

export function useCreateOffer() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: OfferRequest) => unwrap(api.POST('/api/v1/premium/offers', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.offers }),
  })
}

export function useDeleteOffer() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (offerId: string) => unwrap(api.DELETE('/api/v1/premium/offers/{offerId}', {
      params: { path: { offerId } },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.offers }),
  })
}

export function useContactSubscriptions(contactId: string) {
  return useQuery({
    queryKey: keys.subscriptions(contactId),
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{contactId}/subscriptions', {
      params: { path: { contactId } },
    })),
  })
}

export function useCreateCheckoutLink(contactId: string) {
  return useMutation({
    mutationFn: (offerId: string) => unwrap(api.POST('/api/v1/contacts/{contactId}/checkout-links', {
      params: { path: { contactId } }, body: { offerId },
    })),
  })
}
