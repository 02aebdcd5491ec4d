import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { catalogs } from './catalogs'

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-Hant', label: '繁體中文' },
] as const
export type Language = (typeof LANGUAGES)[number]['code']

const STORAGE_KEY = 'parley.language'

/** The saved choice, else the browser's language when it is Chinese in Traditional script, else English. */
export function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'zh-Hant') {
    return saved
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language
  return /^zh-(Hant|TW|HK|MO)/i.test(browser) ? 'zh-Hant' : 'en'
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language)
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
}

const resources = {
  en: Object.fromEntries(Object.entries(catalogs).map(([ns, c]) => [ns, c.en])),
  'zh-Hant': Object.fromEntries(Object.entries(catalogs).map(([ns, c]) => [ns, c.zhHant])),
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(catalogs),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})
if (typeof document !== 'undefined') {
  document.documentElement.lang = i18n.language
}

export default i18n
