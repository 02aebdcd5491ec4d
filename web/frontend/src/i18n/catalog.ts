/** A feature's strings: the English catalog defines the keys, the Traditional Chinese one must match it. */
export type Strings = { [key: string]: string | Strings }

export interface Catalog<T extends Strings> {
  en: T
  zhHant: Shape<T>
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export function catalog<T extends Strings>(en: T, zhHant: Shape<T>): Catalog<T> {
  return { en, zhHant }
}
