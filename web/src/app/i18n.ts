import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from '../locales/en-US.json';
import zhCN from '../locales/zh-CN.json';

type Catalogue = Record<string, unknown>;
/** Feature catalogues: `locales/<language>/<namespace>.json` become the top-level key `<namespace>`. */
const featureFiles = import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' });
function withFeatures(language: Language, base: Catalogue): Catalogue {
  const merged: Catalogue = { ...base };
  for (const [file, messages] of Object.entries(featureFiles)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (match && match[1] === language) merged[match[2]!] = messages;
  }
  return merged;
}

export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'tide.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function dayjsLocale(language: Language): string {
  switch (language) {
    case 'zh-CN':
      return 'zh-cn';
    case 'en-US':
      return 'en';
  }
}

function applyLanguage(language: Language) {
  dayjs.locale(dayjsLocale(language));
  document.documentElement.lang = language;
}

const initial = readStoredLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: withFeatures('zh-CN', zhCN) }, 'en-US': { translation: withFeatures('en-US', enUS) } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);

/** Switches the UI language and remembers it in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLanguage(language);
  await i18n.changeLanguage(language);
}

export { i18n };
