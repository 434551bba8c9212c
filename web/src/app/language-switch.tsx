import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { currentLanguage, setLanguage, type Language } from './i18n.ts';
import { useSession } from './session.tsx';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** 中文 / English; remembered in this browser and, when logged in, saved as the user's language. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  useTranslation(); // re-render on language change
  const { me } = useSession();
  const value = currentLanguage();

  const change = (language: Language) => {
    void setLanguage(language);
    if (me) {
      // Best effort: the server also uses the user's language (e-mails, exports); the UI does not wait for it.
      api('/me', { method: 'PATCH', body: { locale: language } }).catch(() => undefined);
    }
  };

  return (
    <Segmented<Language>
      data-testid="language-switch"
      size={size}
      value={value}
      onChange={change}
      options={(Object.keys(LABELS) as Language[]).map((language) => ({
        value: language,
        label: <span data-testid={`lang-${language}`}>{LABELS[language]}</span>,
      }))}
    />
  );
}
